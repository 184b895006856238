// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventTicketNFT} from "../../src/EventTicketNFT.sol";
import {PaymentProcessor} from "../../src/PaymentProcessor.sol";
import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Deploys both contracts wired like the deploy script and offers helpers shared by all tests.
abstract contract BaseTest is Test {
    EventTicketNFT internal nft;
    PaymentProcessor internal processor;

    address internal owner = makeAddr("owner");
    address internal operator = makeAddr("operator");
    address internal pauser = makeAddr("pauser");
    address internal treasury = makeAddr("treasury");
    address internal organizer = makeAddr("organizer");
    address internal otherOrganizer = makeAddr("otherOrganizer");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal stranger = makeAddr("stranger");

    uint256 internal constant EVENT_ID = 1;
    uint256 internal constant OTHER_EVENT_ID = 2;
    uint96 internal constant PRICE = 0.01 ether;
    uint32 internal constant CAPACITY = 100;

    uint40 internal saleStart;
    uint40 internal saleEnd;
    uint40 internal eventEnd;

    string internal constant BASE_URI = "https://echain.example/api/tickets/";

    function setUp() public virtual {
        vm.warp(1_750_000_000);
        saleStart = uint40(block.timestamp);
        saleEnd = uint40(block.timestamp + 10 days);
        eventEnd = uint40(block.timestamp + 11 days);

        nft = new EventTicketNFT("Echain Ticket", "ECHT", BASE_URI, owner);
        processor = new PaymentProcessor(nft, treasury, owner);
        vm.startPrank(owner);
        nft.setMinter(address(processor));
        nft.setOperator(operator, true);
        nft.setPauser(pauser, true);
        vm.stopPrank();

        vm.label(address(nft), "EventTicketNFT");
        vm.label(address(processor), "PaymentProcessor");
        for (uint256 i = 0; i < 5; ++i) {
            vm.deal([alice, bob, carol, stranger, organizer][i], 1000 ether);
        }
    }

    function _register(uint256 eventId, address org) internal {
        _register(eventId, org, PRICE, CAPACITY, false);
    }

    function _register(uint256 eventId, address org, uint96 price, uint32 capacity, bool locked) internal {
        vm.prank(operator);
        nft.registerEvent(eventId, org, price, capacity, saleStart, saleEnd, eventEnd, locked);
    }

    function _buy(address buyer, uint256 eventId, uint256 quantity) internal returns (uint256 firstTokenId) {
        (uint256 price,) = nft.saleTerms(eventId);
        vm.prank(buyer);
        firstTokenId = processor.purchaseTickets{value: price * quantity}(eventId, quantity);
    }

    function _cancel(uint256 eventId) internal {
        vm.prank(operator);
        processor.cancelEvent(eventId);
    }

    function _endEvent() internal {
        vm.warp(eventEnd);
    }
}
