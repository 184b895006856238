// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {IERC721A} from "erc721a/contracts/IERC721A.sol";

contract PaymentProcessorPurchaseTest is BaseTest {
    function setUp() public override {
        super.setUp();
        _register(EVENT_ID, organizer);
        _register(OTHER_EVENT_ID, otherOrganizer);
    }

    function test_PurchaseTickets_MintsAndEmits() public {
        uint256 firstTokenId = nft.nextTokenId();
        vm.expectEmit(address(nft));
        emit IERC721A.Transfer(address(0), alice, firstTokenId);
        vm.expectEmit(address(nft));
        emit IERC721A.Transfer(address(0), alice, firstTokenId + 1);
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.TicketsPurchased(firstTokenId, EVENT_ID, alice, 2, 2 * PRICE, firstTokenId);
        vm.prank(alice);
        uint256 paymentId = processor.purchaseTickets{value: 2 * PRICE}(EVENT_ID, 2);

        assertEq(paymentId, firstTokenId);
        assertEq(nft.ownerOf(firstTokenId), alice);
        assertEq(nft.ownerOf(firstTokenId + 1), alice);
        assertEq(nft.balanceOf(alice), 2);
        assertEq(nft.eventOf(firstTokenId + 1), EVENT_ID);
        assertEq(nft.getEvent(EVENT_ID).sold, 2);
        assertEq(address(processor).balance, 2 * PRICE);
        assertEq(processor.eventRevenue(EVENT_ID).gross, 2 * PRICE);
        assertEq(processor.eventRevenue(EVENT_ID).held, 2 * PRICE);
    }

    function test_PurchaseTickets_PaymentIdsAreUniqueWithinOneBlock() public {
        uint256 a = _buy(alice, EVENT_ID, 3);
        uint256 b = _buy(alice, EVENT_ID, 1);
        uint256 c = _buy(alice, OTHER_EVENT_ID, 1);
        assertEq(b, a + 3);
        assertEq(c, b + 1);
    }

    function test_PurchaseTickets_UpToMaxPerPurchase() public {
        uint256 first = _buy(alice, EVENT_ID, 10);
        assertEq(nft.ownerOf(first + 9), alice);
        assertEq(nft.eventOf(first + 9), EVENT_ID);
    }

    function test_PurchaseTickets_SellsOutExactly() public {
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, 3, saleStart, saleEnd);
        _buy(alice, EVENT_ID, 3);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_ExceedsCapacity.selector, EVENT_ID, 1, 0));
        vm.prank(bob);
        processor.purchaseTickets{value: PRICE}(EVENT_ID, 1);
    }

    function test_PurchaseTickets_TokenURIIsBasePlusId() public {
        uint256 tokenId = _buy(alice, EVENT_ID, 1);
        assertEq(nft.tokenURI(tokenId), string.concat(BASE_URI, vm.toString(tokenId)));
    }

    function test_RevertWhen_Underpayment() public {
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_Underpayment.selector, 2 * PRICE, 2 * PRICE - 1)
        );
        vm.prank(alice);
        processor.purchaseTickets{value: 2 * PRICE - 1}(EVENT_ID, 2);
    }

    function test_RevertWhen_Overpayment() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_Overpayment.selector, PRICE, PRICE + 1));
        vm.prank(alice);
        processor.purchaseTickets{value: PRICE + 1}(EVENT_ID, 1);
    }

    function test_RevertWhen_QuantityZero() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidQuantity.selector, 0, 10));
        vm.prank(alice);
        processor.purchaseTickets{value: 0}(EVENT_ID, 0);
    }

    function test_RevertWhen_QuantityAboveLimit() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidQuantity.selector, 11, 10));
        vm.prank(alice);
        processor.purchaseTickets{value: 11 * PRICE}(EVENT_ID, 11);
    }

    function test_RevertWhen_QuantityHuge() public {
        uint256 quantity = type(uint256).max;
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidQuantity.selector, quantity, 10));
        vm.prank(alice);
        processor.purchaseTickets{value: PRICE}(EVENT_ID, quantity);
    }

    function test_RevertGiven_EventNotRegistered() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventNotFound.selector, 99));
        vm.prank(alice);
        processor.purchaseTickets{value: PRICE}(99, 1);
    }

    function test_RevertGiven_EventIdOutside24Bits() public {
        uint256 id = uint256(type(uint24).max) + EVENT_ID;
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventNotFound.selector, id));
        vm.prank(alice);
        processor.purchaseTickets{value: PRICE}(id, 1);
    }

    function test_RevertGiven_SaleNotStarted() public {
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, CAPACITY, saleStart + 100, saleEnd);
        vm.expectRevert(
            abi.encodeWithSelector(
                IEventTicketNFT.EventTicketNFT_SaleNotOpen.selector, EVENT_ID, saleStart + 100, saleEnd
            )
        );
        vm.prank(alice);
        processor.purchaseTickets{value: PRICE}(EVENT_ID, 1);
    }

    function test_RevertGiven_SaleEnded() public {
        vm.warp(saleEnd);
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_SaleNotOpen.selector, EVENT_ID, saleStart, saleEnd)
        );
        vm.prank(alice);
        processor.purchaseTickets{value: PRICE}(EVENT_ID, 1);
    }

    function test_RevertGiven_ExceedsCapacity() public {
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, 4, saleStart, saleEnd);
        _buy(alice, EVENT_ID, 3);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_ExceedsCapacity.selector, EVENT_ID, 2, 1));
        vm.prank(bob);
        processor.purchaseTickets{value: 2 * PRICE}(EVENT_ID, 2);
    }

    function test_RevertGiven_SalesPaused() public {
        vm.prank(pauser);
        nft.pause();
        vm.expectRevert(IEventTicketNFT.EventTicketNFT_SalesPaused.selector);
        vm.prank(alice);
        processor.purchaseTickets{value: PRICE}(EVENT_ID, 1);

        vm.prank(pauser);
        nft.unpause();
        _buy(alice, EVENT_ID, 1);
    }

    function test_RevertGiven_EventCancelled() public {
        _cancel(EVENT_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventIsCancelled.selector, EVENT_ID));
        vm.prank(alice);
        processor.purchaseTickets{value: PRICE}(EVENT_ID, 1);
    }

    function test_RevertWhen_MintTicketsCallerNotMinter() public {
        address[3] memory callers = [stranger, organizer, operator];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotMinter.selector, callers[i]));
            vm.prank(callers[i]);
            nft.mintTickets(callers[i], EVENT_ID, 1, PRICE);
        }
    }

    function test_RevertWhen_ContractBuyerIsNotReceiver() public {
        NotAReceiver buyer = new NotAReceiver();
        vm.deal(address(buyer), 1 ether);
        vm.expectRevert(IERC721A.TransferToNonERC721ReceiverImplementer.selector);
        buyer.buy(processor, EVENT_ID, PRICE);
    }
}

/// @dev A contract without `onERC721Received`.
contract NotAReceiver {
    function buy(IPaymentProcessor processor, uint256 eventId, uint256 price) external {
        processor.purchaseTickets{value: price}(eventId, 1);
    }
}
