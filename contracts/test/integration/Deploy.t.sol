// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Deploy} from "../../script/Deploy.s.sol";
import {EventTicketNFT} from "../../src/EventTicketNFT.sol";
import {PaymentProcessor} from "../../src/PaymentProcessor.sol";
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
}
