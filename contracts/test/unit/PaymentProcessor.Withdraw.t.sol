// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {EventRevenue} from "../../src/types/EventTypes.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

contract PaymentProcessorWithdrawTest is BaseTest {
    function setUp() public override {
        super.setUp();
        _register(EVENT_ID, organizer);
        _register(OTHER_EVENT_ID, otherOrganizer);
        _buy(alice, EVENT_ID, 4);
        _buy(bob, OTHER_EVENT_ID, 2);
    }

    function test_WithdrawRevenue_PaysOrganizer95Percent() public {
        _endEvent();
        uint256 gross = 4 * uint256(PRICE);
        uint256 fee = gross * 500 / 10_000;
        uint256 before = organizer.balance;
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.EventSettled(EVENT_ID, gross, gross - fee, fee);
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.OrganizerWithdrawn(EVENT_ID, organizer, gross - fee);
        vm.prank(organizer);
        uint256 amount = processor.withdrawRevenue(EVENT_ID);

        assertEq(amount, gross - fee);
        assertEq(organizer.balance, before + gross - fee);
        assertEq(processor.platformBalance(), fee);
        EventRevenue memory r = processor.eventRevenue(EVENT_ID);
        assertTrue(r.settled);
        assertEq(r.organizerWithdrawn, gross - fee);
        assertEq(r.held, 0);
        assertEq(address(processor).balance, fee + 2 * PRICE);
    }

    function test_WithdrawPlatformFees_ByTreasuryAndOwner() public {
        _endEvent();
        processor.settleEvent(EVENT_ID);
        processor.settleEvent(OTHER_EVENT_ID);
        uint256 fee = 6 * uint256(PRICE) * 500 / 10_000;
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.PlatformFeesWithdrawn(treasury, fee);
        vm.prank(treasury);
        assertEq(processor.withdrawPlatformFees(), fee);
        assertEq(treasury.balance, fee);

        vm.expectRevert(IPaymentProcessor.PaymentProcessor_NothingToWithdraw.selector);
        vm.prank(owner);
        processor.withdrawPlatformFees();
        (uint256 credited, uint256 withdrawn) = processor.platformTotals();
        assertEq(credited, fee);
        assertEq(withdrawn, fee);
    }

    function test_WithdrawPlatformFees_OwnerTriggersPaymentToTreasury() public {
        _endEvent();
        processor.settleEvent(EVENT_ID);
        vm.prank(owner);
        processor.withdrawPlatformFees();
        assertEq(treasury.balance, 4 * uint256(PRICE) * 500 / 10_000);
        assertEq(owner.balance, 0);
    }

    function test_FeeChangeDoesNotChangeSplitOfPaidMoney() public {
        vm.prank(owner);
        processor.setPlatformFee(1000);
        _endEvent();
        vm.prank(organizer);
        uint256 amount = processor.withdrawRevenue(EVENT_ID);
        assertEq(amount, 4 * uint256(PRICE) * 9500 / 10_000);
    }

    function test_ZeroFee() public {
        vm.prank(owner);
        processor.setPlatformFee(0);
        _register(3, organizer);
        _buy(carol, 3, 1);
        _endEvent();
        vm.prank(organizer);
        assertEq(processor.withdrawRevenue(3), PRICE);
    }

    function test_RevertGiven_WithdrawBeforeEventEnded() public {
        vm.warp(eventEnd - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotEnded.selector, EVENT_ID, eventEnd)
        );
        vm.prank(organizer);
        processor.withdrawRevenue(EVENT_ID);
    }

    function test_RevertGiven_SettleBeforeEventEnded() public {
        vm.expectRevert(
            abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotEnded.selector, EVENT_ID, eventEnd)
        );
        processor.settleEvent(EVENT_ID);
    }

    function test_RevertGiven_SettleTwice() public {
        _endEvent();
        processor.settleEvent(EVENT_ID);
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventSettled.selector, EVENT_ID));
        processor.settleEvent(EVENT_ID);
    }

    function test_RevertGiven_SettleUnknownEvent() public {
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotFound.selector, 77));
        processor.settleEvent(77);
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotFound.selector, 77));
        processor.withdrawRevenue(77);
    }

    function test_RevertGiven_WithdrawTwice() public {
        _endEvent();
        vm.startPrank(organizer);
        processor.withdrawRevenue(EVENT_ID);
        vm.expectRevert(IPaymentProcessor.PaymentProcessor_NothingToWithdraw.selector);
        processor.withdrawRevenue(EVENT_ID);
        vm.stopPrank();
    }

    function test_RevertGiven_WithdrawWithoutSales() public {
        _register(3, organizer);
        _endEvent();
        vm.expectRevert(IPaymentProcessor.PaymentProcessor_NothingToWithdraw.selector);
        vm.prank(organizer);
        processor.withdrawRevenue(3);
    }

    function test_RevertWhen_WithdrawCallerNotOrganizer() public {
        _endEvent();
        address[4] memory callers = [stranger, alice, otherOrganizer, operator];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IPaymentProcessor.PaymentProcessor_CallerNotOrganizer.selector, callers[i], EVENT_ID
                )
            );
            vm.prank(callers[i]);
            processor.withdrawRevenue(EVENT_ID);
        }
    }

    function test_RevertWhen_WithdrawPlatformFeesCallerNotTreasuryOrOwner() public {
        _endEvent();
        processor.settleEvent(EVENT_ID);
        address[4] memory callers = [stranger, alice, organizer, operator];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotTreasuryOrOwner.selector, callers[i])
            );
            vm.prank(callers[i]);
            processor.withdrawPlatformFees();
        }
    }

    function test_OrganizerRevenue_SumsEvents() public {
        _register(3, organizer);
        _buy(carol, 3, 2);
        (uint256 gross,, uint256 withdrawn, uint256 withdrawable) = processor.organizerRevenue(organizer);
        assertEq(gross, 6 * uint256(PRICE));
        assertEq(withdrawn, 0);
        assertEq(withdrawable, 0, "nothing before the end");

        _endEvent();
        (,,, withdrawable) = processor.organizerRevenue(organizer);
        assertEq(withdrawable, 6 * uint256(PRICE) * 9500 / 10_000);
        vm.prank(organizer);
        processor.withdrawRevenue(EVENT_ID);
        (,, withdrawn, withdrawable) = processor.organizerRevenue(organizer);
        assertEq(withdrawn, 4 * uint256(PRICE) * 9500 / 10_000);
        assertEq(withdrawable, 2 * uint256(PRICE) * 9500 / 10_000);
    }

    function test_OrganizerRevenue_ReportsRefundsOfCancelledEvents() public {
        // Event 1 (4 tickets) runs; event 3 sells 3 tickets, is cancelled, and 2 of them are refunded.
        _register(3, organizer);
        uint256 first = _buy(carol, 3, 3);
        _cancel(3);
        vm.startPrank(carol);
        processor.claimRefund(first);
        processor.claimRefund(first + 1);
        vm.stopPrank();

        (uint256 gross, uint256 refunded, uint256 withdrawn, uint256 withdrawable) =
            processor.organizerRevenue(organizer);
        assertEq(gross, 7 * uint256(PRICE), "gross counts the cancelled event's sales");
        assertEq(refunded, 2 * uint256(PRICE), "second value: what holders claimed back");
        assertEq(withdrawn, 0);
        assertEq(withdrawable, 0);

        _endEvent();
        (,, withdrawn, withdrawable) = processor.organizerRevenue(organizer);
        assertEq(withdrawable, 4 * uint256(PRICE) * 9500 / 10_000, "nothing from the cancelled event");
        vm.prank(organizer);
        processor.withdrawRevenue(EVENT_ID);
        (, refunded, withdrawn, withdrawable) = processor.organizerRevenue(organizer);
        assertEq(refunded, 2 * uint256(PRICE));
        assertEq(withdrawn, 4 * uint256(PRICE) * 9500 / 10_000);
        assertEq(withdrawable, 0);
    }

    // ------------------------------------------------------------------------------------------------ admin

    function test_SetPlatformFee() public {
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.PlatformFeeSet(500, 1000);
        vm.prank(owner);
        processor.setPlatformFee(1000);
        assertEq(processor.platformFeeBps(), 1000);
    }

    function test_RevertWhen_FeeAboveCap() public {
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_FeeTooHigh.selector, 1001, 1000));
        vm.prank(owner);
        processor.setPlatformFee(1001);
    }

    function test_SetTreasury() public {
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.TreasurySet(treasury, carol);
        vm.prank(owner);
        processor.setTreasury(carol);
        assertEq(processor.treasury(), carol);
    }

    function test_RevertWhen_TreasuryZero() public {
        vm.expectRevert(IPaymentProcessor.PaymentProcessor_ZeroAddress.selector);
        vm.prank(owner);
        processor.setTreasury(address(0));
    }

    function test_RevertWhen_AdminCallerNotOwner() public {
        address[4] memory callers = [stranger, operator, organizer, treasury];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.startPrank(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, callers[i]));
            processor.setPlatformFee(100);
            vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, callers[i]));
            processor.setTreasury(callers[i]);
            vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, callers[i]));
            processor.transferOwnership(callers[i]);
            vm.stopPrank();
        }
    }

    function test_OwnershipTransferIsTwoStep() public {
        address safe = makeAddr("safe");
        vm.prank(owner);
        processor.transferOwnership(safe);
        assertEq(processor.owner(), owner);
        assertEq(processor.pendingOwner(), safe);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        processor.acceptOwnership();
        vm.prank(safe);
        processor.acceptOwnership();
        assertEq(processor.owner(), safe);
    }

    function test_Views() public view {
        assertEq(address(processor.ticketNft()), address(nft));
        assertEq(processor.MAX_PLATFORM_FEE_BPS(), 1000);
        assertEq(processor.platformFeeBps(), 500);
    }

    function test_RevertWhen_EventRevenueUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotFound.selector, 77));
        processor.eventRevenue(77);
    }
}
