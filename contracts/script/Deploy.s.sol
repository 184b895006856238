// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventTicketNFT} from "../src/EventTicketNFT.sol";
import {PaymentProcessor} from "../src/PaymentProcessor.sol";
import {Script} from "forge-std/Script.sol";

/// @title Deploy
/// @notice Deploys EventTicketNFT and PaymentProcessor, wires the roles, and writes the addresses to a JSON file the
/// backend reads. `run()` takes its configuration from environment variables only, so the same script targets a
/// local Anvil, Base Sepolia (84532) and Base mainnet (8453):
/// - `PRIVATE_KEY` (optional): deployer key; without it the sender given to forge (`--private-key`, `--account`,
///   `--ledger`...) deploys.
/// - `TREASURY` (default: deployer; required with `SAFE_OWNER`): receives platform fees.
/// - `OPERATOR` (default: deployer; required with `SAFE_OWNER`): the backend's key; may register, update and cancel
///   events.
/// - `PAUSER` (optional, default: OPERATOR): may pause and resume sales.
/// - `BASE_URI` (optional, default `http://localhost:8080/api/tickets/`): `tokenURI = BASE_URI + tokenId`.
/// - `PLATFORM_FEE_BPS` (optional, default 500).
/// - `SAFE_OWNER` (optional): a Safe that takes over ownership of both contracts (two-step: the Safe must call
///   `acceptOwnership()` on each). A deployment handed to a Safe leaves no role with the deployer by default: the
///   script then refuses to run without `TREASURY` and `OPERATOR` (set one to the deployer's address to ask for that).
/// - `DEPLOYMENT_OUT` (optional, default `deployments/<chainId>.json`, relative to `contracts/`; must be under
///   `contracts/deployments/` or `/tmp`, see `fs_permissions` in foundry.toml; missing directories are created).
contract Deploy is Script {
    /// @notice `SAFE_OWNER` is set but the role named by `variable` is not: it would stay with the deployer.
    error Deploy_RoleRequiredWithSafeOwner(string variable);

    struct Config {
        // 0: broadcast as forge's sender.
        uint256 privateKey;
        // Roles; address(0) means "not given": the deployer (pauser: the operator), or a revert with a Safe owner.
        address treasury;
        address operator;
        address pauser;
        address safeOwner;
        string baseUri;
        uint256 platformFeeBps;
        string outPath;
    }

    struct Deployment {
        EventTicketNFT ticketNft;
        PaymentProcessor paymentProcessor;
        uint256 chainId;
        uint256 deploymentBlock;
        address deployer;
    }

    string internal constant DEFAULT_BASE_URI = "http://localhost:8080/api/tickets/";

    /// @notice Deploys with the configuration from the environment and writes the deployment JSON.
    function run() external returns (Deployment memory) {
        Config memory config;
        config.privateKey = vm.envOr("PRIVATE_KEY", uint256(0));
        config.treasury = vm.envOr("TREASURY", address(0));
        config.operator = vm.envOr("OPERATOR", address(0));
        config.pauser = vm.envOr("PAUSER", address(0));
        config.safeOwner = vm.envOr("SAFE_OWNER", address(0));
        config.baseUri = vm.envOr("BASE_URI", DEFAULT_BASE_URI);
        config.platformFeeBps = vm.envOr("PLATFORM_FEE_BPS", uint256(500));
        config.outPath = vm.envOr("DEPLOYMENT_OUT", string.concat("deployments/", vm.toString(block.chainid), ".json"));
        return deploy(config);
    }

    /// @notice Deploys with an explicit configuration and writes the deployment JSON to `config.outPath`. Roles left
    /// at address(0) default to the deployer (the pauser to the operator), unless `config.safeOwner` is set: then a
    /// missing treasury or operator reverts with `Deploy_RoleRequiredWithSafeOwner`.
    function deploy(Config memory config) public returns (Deployment memory d) {
        d.chainId = block.chainid;
        d.deployer = _deployer(config.privateKey);
        _resolveRoles(config, d.deployer);
        // The contracts are deployed in the next blocks; an indexer may safely start scanning here.
        d.deploymentBlock = block.number;

        if (config.privateKey != 0) vm.startBroadcast(config.privateKey);
        else vm.startBroadcast();
        d.ticketNft = new EventTicketNFT("Echain Ticket", "ECHT", config.baseUri, d.deployer);
        d.paymentProcessor = new PaymentProcessor(d.ticketNft, config.treasury, d.deployer);
        d.ticketNft.setMinter(address(d.paymentProcessor));
        d.ticketNft.setOperator(config.operator, true);
        d.ticketNft.setPauser(config.pauser, true);
        if (config.platformFeeBps != d.paymentProcessor.platformFeeBps()) {
            d.paymentProcessor.setPlatformFee(config.platformFeeBps);
        }
        if (config.safeOwner != address(0)) {
            d.ticketNft.transferOwnership(config.safeOwner);
            d.paymentProcessor.transferOwnership(config.safeOwner);
        }
        vm.stopBroadcast();

        _write(d, config);
    }

    function _resolveRoles(Config memory config, address deployer) internal pure {
        if (config.safeOwner != address(0)) {
            if (config.treasury == address(0)) revert Deploy_RoleRequiredWithSafeOwner("TREASURY");
            if (config.operator == address(0)) revert Deploy_RoleRequiredWithSafeOwner("OPERATOR");
        }
        if (config.treasury == address(0)) config.treasury = deployer;
        if (config.operator == address(0)) config.operator = deployer;
        if (config.pauser == address(0)) config.pauser = config.operator;
    }

    function _deployer(uint256 privateKey) internal returns (address deployer) {
        if (privateKey != 0) return vm.addr(privateKey);
        // Without a key, broadcasting uses forge's sender (--private-key, --account, --sender ...).
        vm.startBroadcast();
        (, deployer,) = vm.readCallers();
        vm.stopBroadcast();
    }

    function _write(Deployment memory d, Config memory config) internal {
        string memory key = "deployment";
        vm.serializeUint(key, "chainId", d.chainId);
        vm.serializeAddress(key, "ticketNft", address(d.ticketNft));
        vm.serializeAddress(key, "paymentProcessor", address(d.paymentProcessor));
        vm.serializeUint(key, "deploymentBlock", d.deploymentBlock);
        vm.serializeAddress(key, "deployer", d.deployer);
        vm.serializeAddress(key, "owner", d.deployer);
        vm.serializeAddress(key, "pendingOwner", config.safeOwner);
        vm.serializeAddress(key, "treasury", config.treasury);
        vm.serializeAddress(key, "operator", config.operator);
        vm.serializeAddress(key, "pauser", config.pauser);
        vm.serializeString(key, "baseUri", config.baseUri);
        vm.serializeUint(key, "platformFeeBps", config.platformFeeBps);
        string memory json = vm.serializeUint(key, "maxTicketsPerPurchase", d.ticketNft.maxTicketsPerPurchase());
        string memory dir = _dirname(config.outPath);
        if (bytes(dir).length != 0) vm.createDir(dir, true);
        vm.writeJson(json, config.outPath);
    }

    /// @dev Everything before the last '/', or "" if there is none.
    function _dirname(string memory path) internal pure returns (string memory) {
        bytes memory b = bytes(path);
        uint256 end = 0;
        for (uint256 i = 0; i < b.length; ++i) {
            if (b[i] == "/") end = i;
        }
        bytes memory dir = new bytes(end);
        for (uint256 i = 0; i < end; ++i) {
            dir[i] = b[i];
        }
        return string(dir);
    }
}
