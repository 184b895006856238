// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {EventRevenue} from "../../src/types/EventTypes.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {IERC721A} from "erc721a/contracts/IERC721A.sol";

contract PaymentProcessorRefundTest is BaseTest {
    uint256 internal aliceFirst;
    uint256 internal bobFirst;

    function setUp() public override {
        super.setUp();
        _register(EVENT_ID, organizer);
        _register(OTHER_EVENT_ID, otherOrganizer);
        aliceFirst = _buy(alice, EVENT_ID, 2);
        bobFirst = _buy(bob, EVENT_ID, 1);
    }

    // ------------------------------------------------------------------------------------------------ cancelEvent

    function test_CancelEvent_ByOperator() public {
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.EventCancelled(EVENT_ID, operator);
        _cancel(EVENT_ID);
        assertTrue(nft.getEvent(EVENT_ID).cancelled);
        assertTrue(processor.eventRevenue(EVENT_ID).cancelled);
    }

    function test_CancelEvent_ByOrganizerBeforeEnd() public {
        vm.warp(eventEnd - 1);
        vm.prank(organizer);
        processor.cancelEvent(EVENT_ID);
        assertTrue(nft.getEvent(EVENT_ID).cancelled);
    }

    function test_CancelEvent_ByOperatorAfterEndWhileUnsettled() public {
        _endEvent();
        _cancel(EVENT_ID);
        assertTrue(processor.eventRevenue(EVENT_ID).cancelled);
    }

    function test_RevertWhen_CancelCallerNotOperatorOrOrganizer() public {
        address[4] memory callers = [stranger, alice, otherOrganizer, pauser];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IPaymentProcessor.PaymentProcessor_CallerNotOperatorOrOrganizer.selector, callers[i], EVENT_ID
                )
            );
            vm.prank(callers[i]);
            processor.cancelEvent(EVENT_ID);
        }
    }

    function test_RevertGiven_OrganizerCancelsAfterEnd() public {
        _endEvent();
        vm.expectRevert(
            abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventEnded.selector, EVENT_ID, eventEnd)
        );
        vm.prank(organizer);
        processor.cancelEvent(EVENT_ID);
    }

    function test_RevertGiven_CancelAlreadyCancelled() public {
        _cancel(EVENT_ID);
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventIsCancelled.selector, EVENT_ID));
        _cancel(EVENT_ID);
    }

    function test_RevertGiven_CancelSettledEvent() public {
        _endEvent();
        processor.settleEvent(EVENT_ID);
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventSettled.selector, EVENT_ID));
        _cancel(EVENT_ID);
    }

    function test_RevertGiven_CancelUnknownEvent() public {
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotFound.selector, 42));
        _cancel(42);
    }

    function test_RevertWhen_MarkCancelledCallerNotMinter() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotMinter.selector, operator));
        vm.prank(operator);
        nft.markCancelled(EVENT_ID);
    }

    function test_RevertWhen_MarkCancelledTwiceOrUnknown() public {
        vm.startPrank(address(processor));
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventNotFound.selector, 42));
        nft.markCancelled(42);
        nft.markCancelled(EVENT_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventIsCancelled.selector, EVENT_ID));
        nft.markCancelled(EVENT_ID);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------------------------------------ claimRefund

    function test_ClaimRefund_PaysHolderAndBurns() public {
        _cancel(EVENT_ID);
        uint256 before = alice.balance;
        vm.expectEmit(address(nft));
        emit IERC721A.Transfer(alice, address(0), aliceFirst);
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.TicketRefunded(aliceFirst, EVENT_ID, alice, PRICE);
        vm.prank(alice);
        uint256 amount = processor.claimRefund(aliceFirst);

        assertEq(amount, PRICE);
        assertEq(alice.balance, before + PRICE);
        assertEq(nft.balanceOf(alice), 1);
        vm.expectRevert(IERC721A.OwnerQueryForNonexistentToken.selector);
        nft.ownerOf(aliceFirst);
        EventRevenue memory r = processor.eventRevenue(EVENT_ID);
        assertEq(r.refunded, PRICE);
        assertEq(r.refundedCount, 1);
        assertEq(r.held, 2 * PRICE);
        assertEq(r.platformFee, 0);
        assertEq(r.organizerShare, 0);
    }

    function test_ClaimRefund_CurrentHolderAfterTransferGetsPricePaid() public {
        vm.prank(alice);
        nft.transferFrom(alice, carol, aliceFirst);
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, 5 * PRICE, CAPACITY, saleStart, saleEnd);
        _cancel(EVENT_ID);

        vm.expectRevert(
            abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotHolder.selector, alice, aliceFirst)
        );
        vm.prank(alice);
        processor.claimRefund(aliceFirst);

        uint256 before = carol.balance;
        vm.prank(carol);
        processor.claimRefund(aliceFirst);
        assertEq(carol.balance, before + PRICE, "refund is the price paid, not the new price");
    }

    function test_ClaimRefunds_Batch() public {
        _cancel(EVENT_ID);
        uint256[] memory ids = new uint256[](2);
        ids[0] = aliceFirst;
        ids[1] = aliceFirst + 1;
        uint256 before = alice.balance;
        vm.prank(alice);
        uint256 amount = processor.claimRefunds(ids);
        assertEq(amount, 2 * PRICE);
        assertEq(alice.balance, before + 2 * PRICE);
        assertEq(nft.balanceOf(alice), 0);
    }

    function test_RevertGiven_RefundTwice() public {
        _cancel(EVENT_ID);
        vm.startPrank(alice);
        processor.claimRefund(aliceFirst);
        vm.expectRevert(IERC721A.OwnerQueryForNonexistentToken.selector);
        processor.claimRefund(aliceFirst);
        vm.stopPrank();
    }

    function test_RevertGiven_RefundTwiceInOneBatch() public {
        _cancel(EVENT_ID);
        uint256[] memory ids = new uint256[](2);
        ids[0] = aliceFirst;
        ids[1] = aliceFirst;
        vm.expectRevert(IERC721A.OwnerQueryForNonexistentToken.selector);
        vm.prank(alice);
        processor.claimRefunds(ids);
    }

    function test_RevertGiven_RefundEventNotCancelled() public {
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotCancelled.selector, EVENT_ID));
        vm.prank(alice);
        processor.claimRefund(aliceFirst);
    }

    function test_RevertGiven_RefundAfterEventEndedNotCancelled() public {
        _endEvent();
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotCancelled.selector, EVENT_ID));
        vm.prank(alice);
        processor.claimRefund(aliceFirst);
    }

    function test_RevertWhen_RefundCallerNotHolder() public {
        _cancel(EVENT_ID);
        address[3] memory callers = [stranger, organizer, operator];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IPaymentProcessor.PaymentProcessor_CallerNotHolder.selector, callers[i], bobFirst
                )
            );
            vm.prank(callers[i]);
            processor.claimRefund(bobFirst);
        }
    }

    function test_RevertWhen_RefundNonexistentToken() public {
        _cancel(EVENT_ID);
        vm.expectRevert(IERC721A.OwnerQueryForNonexistentToken.selector);
        vm.prank(alice);
        processor.claimRefund(0);
    }

    function test_RevertWhen_BurnTicketCallerNotMinter() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotMinter.selector, alice));
        vm.prank(alice);
        nft.burnTicket(aliceFirst);
    }

    function test_RefundedTicketsOfCancelledEventNeverReachOrganizer() public {
        _cancel(EVENT_ID);
        _endEvent();
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventIsCancelled.selector, EVENT_ID));
        vm.prank(organizer);
        processor.withdrawRevenue(EVENT_ID);
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventIsCancelled.selector, EVENT_ID));
        processor.settleEvent(EVENT_ID);
        assertEq(processor.platformBalance(), 0);
        // Holders can still claim after the end.
        vm.prank(bob);
        processor.claimRefund(bobFirst);
    }
}
