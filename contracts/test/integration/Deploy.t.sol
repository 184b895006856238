// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Deploy} from "../../script/Deploy.s.sol";
import {EventTicketNFT} from "../../src/EventTicketNFT.sol";
import {PaymentProcessor} from "../../src/PaymentProcessor.sol";
import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {stdJson} from "forge-std/StdJson.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Runs the real deploy script and checks wiring and the JSON file the backend reads.
contract DeployScriptTest is Test {
    using stdJson for string;

    // Anvil's first well-known development key.
    uint256 internal constant ANVIL_KEY_0 = 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80;

    address internal treasury = makeAddr("treasury");
    address internal operator = makeAddr("operator");
    address internal safe = makeAddr("safe");

    /// @dev The only test that touches environment variables (they are process-wide and tests run in parallel).
    function test_Run_ReadsEnvDeploysWiresAndWritesJson() public {
        string memory out = "deployments/test-deploy-env.json";
        vm.setEnv("PRIVATE_KEY", vm.toString(ANVIL_KEY_0));
        vm.setEnv("TREASURY", vm.toString(treasury));
        vm.setEnv("OPERATOR", vm.toString(operator));
        vm.setEnv("BASE_URI", "https://api.echain.example/tickets/");
        vm.setEnv("DEPLOYMENT_OUT", out);
        vm.roll(123);

        Deploy.Deployment memory d = new Deploy().run();
        EventTicketNFT nft = d.ticketNft;
        PaymentProcessor processor = d.paymentProcessor;
        address deployer = vm.addr(ANVIL_KEY_0);

        assertEq(nft.minter(), address(processor));
        assertEq(address(processor.ticketNft()), address(nft));
        assertTrue(nft.isOperator(operator));
        assertTrue(nft.isPauser(operator), "pauser defaults to the operator");
        assertEq(nft.owner(), deployer);
        assertEq(processor.owner(), deployer);
        assertEq(nft.pendingOwner(), address(0));
        assertEq(processor.treasury(), treasury);
        assertEq(processor.platformFeeBps(), 500);
        assertEq(nft.baseURI(), "https://api.echain.example/tickets/");

        string memory json = vm.readFile(out);
        assertEq(json.readUint(".chainId"), block.chainid);
        assertEq(json.readAddress(".ticketNft"), address(nft));
        assertEq(json.readAddress(".paymentProcessor"), address(processor));
        assertEq(json.readUint(".deploymentBlock"), 123);
        assertEq(json.readAddress(".deployer"), deployer);
        assertEq(json.readAddress(".owner"), deployer);
        assertEq(json.readAddress(".pendingOwner"), address(0));
        assertEq(json.readAddress(".treasury"), treasury);
        assertEq(json.readAddress(".operator"), operator);
        assertEq(json.readAddress(".pauser"), operator);
        assertEq(json.readString(".baseUri"), "https://api.echain.example/tickets/");
        assertEq(json.readUint(".platformFeeBps"), 500);
        assertEq(json.readUint(".maxTicketsPerPurchase"), 10);
        vm.removeFile(out);

        // The operator can run an event end to end on the fresh deployment.
        vm.prank(operator);
        nft.registerEvent(
            1,
            makeAddr("org"),
            1 ether,
            10,
            uint40(block.timestamp),
            uint40(block.timestamp + 1 days),
            uint40(block.timestamp + 2 days),
            false
        );
        address buyer = makeAddr("buyer");
        vm.deal(buyer, 1 ether);
        vm.prank(buyer);
        processor.purchaseTickets{value: 1 ether}(1, 1);
        assertEq(nft.balanceOf(buyer), 1);
    }

    function test_Deploy_HandsOwnershipToSafe() public {
        // A directory that does not exist yet: the script creates it.
        string memory out = "deployments/test-deploy-safe/nested/deployment.json";
        Deploy.Config memory config = Deploy.Config({
            privateKey: ANVIL_KEY_0,
            treasury: treasury,
            operator: operator,
            pauser: makeAddr("pauser"),
            safeOwner: safe,
            baseUri: "ipfs://tickets/",
            platformFeeBps: 250,
            outPath: out
        });
        Deploy.Deployment memory d = new Deploy().deploy(config);
        assertEq(d.ticketNft.pendingOwner(), safe);
        assertEq(d.paymentProcessor.pendingOwner(), safe);
        assertEq(d.paymentProcessor.platformFeeBps(), 250);
        assertTrue(d.ticketNft.isPauser(makeAddr("pauser")));
        vm.startPrank(safe);
        d.ticketNft.acceptOwnership();
        d.paymentProcessor.acceptOwnership();
        vm.stopPrank();
        assertEq(d.ticketNft.owner(), safe);
        assertEq(d.paymentProcessor.owner(), safe);

        string memory json = vm.readFile(out);
        assertEq(json.readAddress(".pendingOwner"), safe);
        assertEq(json.readUint(".platformFeeBps"), 250);
        vm.removeDir("deployments/test-deploy-safe", true);
    }

    function test_Deploy_WithoutSafeOwnerRolesDefaultToDeployer() public {
        string memory out = "deployments/test-deploy-defaults.json";
        Deploy.Deployment memory d = new Deploy().deploy(_config(address(0), address(0), address(0), out));
        address deployer = vm.addr(ANVIL_KEY_0);
        assertEq(d.paymentProcessor.treasury(), deployer);
        assertTrue(d.ticketNft.isOperator(deployer));
        assertTrue(d.ticketNft.isPauser(deployer), "pauser defaults to the operator");
        assertEq(d.ticketNft.owner(), deployer);

        string memory json = vm.readFile(out);
        assertEq(json.readAddress(".treasury"), deployer);
        assertEq(json.readAddress(".operator"), deployer);
        assertEq(json.readAddress(".pauser"), deployer);
        vm.removeFile(out);
    }

    function test_RevertWhen_SafeOwnerWithoutTreasury() public {
        Deploy script = new Deploy();
        Deploy.Config memory config =
            _config(address(0), operator, address(0), "deployments/test-deploy-no-treasury.json");
        config.safeOwner = safe;
        vm.expectRevert(abi.encodeWithSelector(Deploy.Deploy_RoleRequiredWithSafeOwner.selector, "TREASURY"));
        script.deploy(config);
    }

    function test_RevertWhen_SafeOwnerWithoutOperator() public {
        Deploy script = new Deploy();
        Deploy.Config memory config =
            _config(treasury, address(0), makeAddr("pauser"), "deployments/test-deploy-no-op.json");
        config.safeOwner = safe;
        vm.expectRevert(abi.encodeWithSelector(Deploy.Deploy_RoleRequiredWithSafeOwner.selector, "OPERATOR"));
        script.deploy(config);
    }

    function test_Deploy_SafeOwnerLeavesDeployerNoRole() public {
        string memory out = "deployments/test-deploy-safe-roles.json";
        Deploy.Config memory config = _config(treasury, operator, address(0), out);
        config.safeOwner = safe;
        Deploy.Deployment memory d = new Deploy().deploy(config);
        EventTicketNFT nft = d.ticketNft;
        PaymentProcessor processor = d.paymentProcessor;
        vm.startPrank(safe);
        nft.acceptOwnership();
        processor.acceptOwnership();
        vm.stopPrank();

        address deployer = vm.addr(ANVIL_KEY_0);
        assertEq(nft.owner(), safe);
        assertEq(processor.owner(), safe);
        assertEq(processor.treasury(), treasury);
        assertFalse(nft.isOperator(deployer), "deployer is no operator");
        assertFalse(nft.isPauser(deployer), "deployer is no pauser");
        assertTrue(nft.isPauser(operator), "pauser defaults to the operator");
        assertEq(nft.minter(), address(processor));

        // Every privileged call from the deployer's key now fails.
        vm.startPrank(deployer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, deployer));
        nft.setOperator(deployer, true);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, deployer));
        nft.setPauser(deployer, true);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, deployer));
        nft.setMinter(deployer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, deployer));
        processor.setTreasury(deployer);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, deployer));
        processor.setPlatformFee(1000);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotPauser.selector, deployer));
        nft.pause();
        vm.expectRevert(
            abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotTreasuryOrOwner.selector, deployer)
        );
        processor.withdrawPlatformFees();
        vm.stopPrank();

        string memory json = vm.readFile(out);
        assertEq(json.readAddress(".treasury"), treasury);
        assertEq(json.readAddress(".operator"), operator);
        assertEq(json.readAddress(".pauser"), operator);
        assertEq(json.readAddress(".pendingOwner"), safe);
        vm.removeFile(out);
    }

    function test_Deploy_SafeOwnerKeepsDeployerRolesWhenAskedExplicitly() public {
        string memory out = "deployments/test-deploy-safe-explicit.json";
        address deployer = vm.addr(ANVIL_KEY_0);
        Deploy.Config memory config = _config(deployer, deployer, address(0), out);
        config.safeOwner = safe;
        Deploy.Deployment memory d = new Deploy().deploy(config);
        assertEq(d.paymentProcessor.treasury(), deployer);
        assertTrue(d.ticketNft.isOperator(deployer));
        assertTrue(d.ticketNft.isPauser(deployer));
        assertEq(d.ticketNft.pendingOwner(), safe);
        vm.removeFile(out);
    }

    function _config(address treasury_, address operator_, address pauser_, string memory out)
        internal
        pure
        returns (Deploy.Config memory)
    {
        return Deploy.Config({
            privateKey: ANVIL_KEY_0,
            treasury: treasury_,
            operator: operator_,
            pauser: pauser_,
            safeOwner: address(0),
            baseUri: "ipfs://tickets/",
            platformFeeBps: 500,
            outPath: out
        });
    }
}
