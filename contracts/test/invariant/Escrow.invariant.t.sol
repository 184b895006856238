// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventRevenue, EventView} from "../../src/types/EventTypes.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {EscrowHandler} from "./handlers/EscrowHandler.sol";
import {console2} from "forge-std/console2.sol";

/// @notice Money and ticket invariants of EventTicketNFT + PaymentProcessor; see README.md in this folder.
contract EscrowInvariantTest is BaseTest {
    EscrowHandler internal handler;
    address[3] internal organizers;

    function setUp() public override {
        super.setUp();
        organizers = [organizer, otherOrganizer, makeAddr("thirdOrganizer")];
        uint256[] memory ids = new uint256[](3);
        ids[0] = 1;
        ids[1] = 2;
        ids[2] = 3;
        // A short timeline, so that within one run (50 calls) events sell, end, pay out or get cancelled.
        saleEnd = uint40(block.timestamp + 12 hours);
        eventEnd = uint40(block.timestamp + 18 hours);
        _register(1, organizers[0], PRICE, 40, false);
        _register(2, organizers[1], 0.5 ether, 25, true);
        _register(3, organizers[2], 1 wei, 60, false);

        handler = new EscrowHandler(nft, processor, owner, operator, treasury, ids);
        targetContract(address(handler));
        bytes4[] memory actions = new bytes4[](13);
        actions[0] = EscrowHandler.buy.selector;
        actions[1] = EscrowHandler.transfer.selector;
        actions[2] = EscrowHandler.payRoyalty.selector;
        actions[3] = EscrowHandler.changePrice.selector;
        actions[4] = EscrowHandler.changeFee.selector;
        actions[5] = EscrowHandler.cancel.selector;
        actions[6] = EscrowHandler.refund.selector;
        actions[7] = EscrowHandler.settle.selector;
        actions[8] = EscrowHandler.withdrawRevenue.selector;
        actions[9] = EscrowHandler.withdrawRoyalty.selector;
        actions[10] = EscrowHandler.withdrawPlatformFees.selector;
        actions[11] = EscrowHandler.warp.selector;
        actions[12] = EscrowHandler.sendByMistake.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: actions}));
    }

    /// @dev The processor holds exactly what it owes (unsettled sales, organizer shares, unclaimed refunds, unpaid
    /// royalties, platform balance) plus what was forced in by mistake; so it always covers its liabilities.
    function invariant_EscrowCoversLiabilities() public view {
        uint256 liabilities = processor.platformBalance();
        for (uint256 i = 0; i < handler.eventCount(); ++i) {
            liabilities += processor.eventRevenue(handler.eventIds(i)).held;
        }
        assertGe(address(processor).balance, liabilities, "balance covers liabilities");
        assertEq(address(processor).balance, liabilities + handler.ghostSentByMistake(), "balance equals liabilities");
    }

    function invariant_SoldNeverExceedsCapacity() public view {
        for (uint256 i = 0; i < handler.eventCount(); ++i) {
            EventView memory e = nft.getEvent(handler.eventIds(i));
            assertLe(e.sold, e.capacity);
        }
    }

    function invariant_LiveTicketsEqualSoldMinusRefunded() public view {
        uint256 live;
        for (uint256 i = 0; i < handler.eventCount(); ++i) {
            uint256 eventId = handler.eventIds(i);
            EventView memory e = nft.getEvent(eventId);
            EventRevenue memory r = processor.eventRevenue(eventId);
            assertEq(handler.mintedTokenCount(eventId), e.sold, "every sold ticket was minted");
            assertEq(handler.liveTokenCount(eventId), e.sold - r.refundedCount, "live = sold - refunded");
            live += e.sold - r.refundedCount;
        }
        assertEq(nft.totalSupply(), live);
    }

    function invariant_GrossEqualsWhatBuyersPaid() public view {
        for (uint256 i = 0; i < handler.eventCount(); ++i) {
            uint256 eventId = handler.eventIds(i);
            assertEq(nft.grossSales(eventId), handler.ghostPaidByBuyers(eventId));
        }
    }

    function invariant_RefundsNeverExceedWhatWasPaid() public view {
        for (uint256 i = 0; i < handler.eventCount(); ++i) {
            uint256 eventId = handler.eventIds(i);
            EventRevenue memory r = processor.eventRevenue(eventId);
            assertEq(r.refunded, handler.ghostRefundsPaid(eventId), "refunds booked = refunds paid");
            assertLe(r.refunded, r.gross);
            if (!r.cancelled) assertEq(r.refunded, 0, "no refunds without cancellation");
        }
    }

    function invariant_NobodyWithdrawsMoreThanCredited() public view {
        uint256 platformFees;
        for (uint256 i = 0; i < handler.eventCount(); ++i) {
            uint256 eventId = handler.eventIds(i);
            EventRevenue memory r = processor.eventRevenue(eventId);
            assertLe(r.organizerWithdrawn, r.organizerShare, "organizer within its share");
            assertLe(r.royaltyWithdrawn, r.royaltyCredited, "royalty within credit");
            if (r.cancelled) assertEq(r.organizerWithdrawn, 0, "cancelled events never pay the organizer");
            assertEq(
                handler.ghostOrganizerReceived(organizers[i]),
                r.organizerWithdrawn + r.royaltyWithdrawn,
                "organizer received what was booked"
            );
            assertEq(r.platformFee + r.organizerShare, r.cancelled ? 0 : r.gross, "split adds up");
            if (r.settled) platformFees += r.platformFee;
        }
        (uint256 credited, uint256 withdrawn) = processor.platformTotals();
        assertLe(withdrawn, credited);
        assertEq(handler.ghostTreasuryReceived(), withdrawn);
        uint256 royalties;
        for (uint256 i = 0; i < handler.eventCount(); ++i) {
            royalties += handler.ghostRoyaltiesPaid(handler.eventIds(i));
        }
        // The platform is credited settled fees plus its half of the royalties that reached the ledger.
        assertLe(credited, platformFees + royalties / 2 + 1);
    }

    /// @dev Not an invariant: with `-vv` it logs how often each action really did something (the handler skips
    /// actions that the current state does not allow), to check that the runs are not vacuous.
    function invariant_CallSummary() public view {
        string[13] memory actions = [
            "buy",
            "transfer",
            "payRoyalty",
            "changePrice",
            "changeFee",
            "cancel",
            "refund",
            "settle",
            "withdrawRevenue",
            "withdrawRoyalty",
            "withdrawPlatformFees",
            "warp",
            "sendByMistake"
        ];
        for (uint256 i = 0; i < actions.length; ++i) {
            console2.log(actions[i], handler.calls(bytes32(bytes(actions[i]))));
        }
    }
}
