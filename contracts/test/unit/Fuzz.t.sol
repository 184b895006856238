// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {EventRevenue} from "../../src/types/EventTypes.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract FuzzTest is BaseTest {
    uint96 internal constant MAX_PRICE = 1_000_000 ether;

    function testFuzz_PurchaseCreditsEscrow(uint96 price, uint256 quantity) public {
        price = uint96(bound(price, 0, MAX_PRICE));
        quantity = bound(quantity, 1, 10);
        _register(EVENT_ID, organizer, price, CAPACITY, false);
        address buyer = makeAddr("fuzzBuyer");
        vm.deal(buyer, uint256(price) * quantity);

        vm.prank(buyer);
        uint256 first = processor.purchaseTickets{value: uint256(price) * quantity}(EVENT_ID, quantity);

        assertEq(address(processor).balance, uint256(price) * quantity);
        assertEq(nft.grossSales(EVENT_ID), uint256(price) * quantity);
        assertEq(processor.eventRevenue(EVENT_ID).held, uint256(price) * quantity);
        assertEq(nft.balanceOf(buyer), quantity);
        assertEq(nft.ownerOf(first + quantity - 1), buyer);
        assertEq(nft.pricePaid(first + quantity - 1), price);
    }

    function testFuzz_RevertWhen_PaymentNotExact(uint96 price, uint256 quantity, uint256 value) public {
        price = uint96(bound(price, 1, MAX_PRICE));
        quantity = bound(quantity, 1, 10);
        uint256 expected = uint256(price) * quantity;
        value = bound(value, 0, 2 * expected);
        vm.assume(value != expected);
        _register(EVENT_ID, organizer, price, CAPACITY, false);
        vm.deal(alice, value);
        vm.expectRevert(
            abi.encodeWithSelector(
                value < expected
                    ? IEventTicketNFT.EventTicketNFT_Underpayment.selector
                    : IEventTicketNFT.EventTicketNFT_Overpayment.selector,
                expected,
                value
            )
        );
        vm.prank(alice);
        processor.purchaseTickets{value: value}(EVENT_ID, quantity);
    }

    function testFuzz_SettlementSplitsExactly(uint96 price, uint256 quantity, uint256 feeBps) public {
        price = uint96(bound(price, 0, MAX_PRICE));
        quantity = bound(quantity, 1, 10);
        feeBps = bound(feeBps, 0, processor.MAX_PLATFORM_FEE_BPS());
        vm.prank(owner);
        processor.setPlatformFee(feeBps);
        _register(EVENT_ID, organizer, price, CAPACITY, false);
        vm.deal(alice, uint256(price) * quantity);
        vm.prank(alice);
        processor.purchaseTickets{value: uint256(price) * quantity}(EVENT_ID, quantity);
        // A later fee change does not touch this event.
        vm.prank(owner);
        processor.setPlatformFee(feeBps == 0 ? 1000 : 0);
        _endEvent();

        uint256 gross = uint256(price) * quantity;
        uint256 before = organizer.balance;
        if (gross - gross * feeBps / 10_000 > 0) {
            vm.prank(organizer);
            processor.withdrawRevenue(EVENT_ID);
        } else {
            processor.settleEvent(EVENT_ID);
        }
        uint256 organizerGot = organizer.balance - before;
        assertEq(processor.platformBalance(), gross * feeBps / 10_000);
        assertEq(organizerGot + processor.platformBalance(), gross);
        assertEq(address(processor).balance, processor.platformBalance());
    }

    function testFuzz_RefundsPayPricePaidAcrossPriceChanges(uint96[4] memory prices, uint8[4] memory quantities)
        public
    {
        _register(EVENT_ID, organizer, uint96(bound(prices[0], 0, MAX_PRICE)), 1000, false);
        _register(OTHER_EVENT_ID, otherOrganizer);
        address[4] memory buyers = [alice, bob, carol, stranger];
        uint256[4] memory firsts;
        uint256[4] memory paid;
        for (uint256 i = 0; i < 4; ++i) {
            uint96 price = uint96(bound(prices[i], 0, MAX_PRICE));
            if (i > 0) {
                vm.prank(organizer);
                nft.updateEvent(EVENT_ID, price, 1000, saleStart, saleEnd);
            }
            uint256 quantity = bound(quantities[i], 1, 10);
            vm.deal(buyers[i], uint256(price) * quantity);
            firsts[i] = _buy(buyers[i], EVENT_ID, quantity);
            paid[i] = price;
            // Fits: bounded to 1..10 above.
            // forge-lint: disable-next-line(unsafe-typecast)
            quantities[i] = uint8(quantity);
            _buy(organizer, OTHER_EVENT_ID, 1); // interleave another event's tokens
        }
        _cancel(EVENT_ID);

        for (uint256 i = 0; i < 4; ++i) {
            for (uint256 j = 0; j < quantities[i]; ++j) {
                uint256 before = buyers[i].balance;
                vm.prank(buyers[i]);
                uint256 amount = processor.claimRefund(firsts[i] + j);
                assertEq(amount, paid[i]);
                assertEq(buyers[i].balance, before + paid[i]);
            }
        }
        EventRevenue memory r = processor.eventRevenue(EVENT_ID);
        assertEq(r.refunded, r.gross);
        assertEq(r.held, 0);
        assertEq(address(processor).balance, 4 * uint256(PRICE), "only the other event's escrow is left");
    }

    function testFuzz_SaleWindow(uint256 t) public {
        _register(EVENT_ID, organizer);
        t = bound(t, saleStart - 10 days, eventEnd + 10 days);
        vm.warp(t);
        vm.prank(alice);
        if (t < saleStart || t >= saleEnd) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IEventTicketNFT.EventTicketNFT_SaleNotOpen.selector, EVENT_ID, saleStart, saleEnd
                )
            );
        }
        processor.purchaseTickets{value: PRICE}(EVENT_ID, 1);
    }

    function testFuzz_TransferLockUntilEventEnd(uint256 t) public {
        _register(EVENT_ID, organizer, PRICE, CAPACITY, true);
        uint256 tokenId = _buy(alice, EVENT_ID, 1);
        t = bound(t, block.timestamp, eventEnd + 365 days);
        vm.warp(t);
        assertEq(nft.isTransferable(tokenId, alice, bob), t >= eventEnd);
        if (t < eventEnd) {
            vm.expectRevert(
                abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_TransferLocked.selector, EVENT_ID, eventEnd)
            );
        }
        vm.prank(alice);
        nft.transferFrom(alice, bob, tokenId);
    }

    function testFuzz_WithdrawOnlyAfterEventEnd(uint256 t) public {
        _register(EVENT_ID, organizer);
        _buy(alice, EVENT_ID, 1);
        t = bound(t, block.timestamp, eventEnd + 365 days);
        vm.warp(t);
        vm.prank(organizer);
        if (t < eventEnd) vm.expectRevert();
        processor.withdrawRevenue(EVENT_ID);
    }

    function testFuzz_RoyaltyHalvesAddUp(uint256 salePrice) public {
        salePrice = bound(salePrice, 10, 1_000_000 ether);
        _register(EVENT_ID, organizer);
        uint256 tokenId = _buy(alice, EVENT_ID, 1);
        (address receiver, uint256 royalty) = nft.royaltyInfo(tokenId, salePrice);
        assertEq(royalty, salePrice / 10);
        vm.deal(receiver, royalty);
        processor.collectRoyalties(EVENT_ID);
        EventRevenue memory r = processor.eventRevenue(EVENT_ID);
        assertEq(r.royaltyCredited + processor.platformBalance(), royalty);
        assertGe(r.royaltyCredited, processor.platformBalance());
        assertLe(r.royaltyCredited - processor.platformBalance(), 1);
    }

    function testFuzz_CapacityNeverExceeded(uint32 capacity, uint256[5] memory quantities) public {
        capacity = uint32(bound(capacity, 1, 30));
        _register(EVENT_ID, organizer, PRICE, capacity, false);
        uint256 sold;
        for (uint256 i = 0; i < quantities.length; ++i) {
            uint256 quantity = bound(quantities[i], 1, 10);
            vm.prank(alice);
            if (sold + quantity > capacity) {
                vm.expectRevert(
                    abi.encodeWithSelector(
                        IEventTicketNFT.EventTicketNFT_ExceedsCapacity.selector, EVENT_ID, quantity, capacity - sold
                    )
                );
                processor.purchaseTickets{value: PRICE * quantity}(EVENT_ID, quantity);
            } else {
                processor.purchaseTickets{value: PRICE * quantity}(EVENT_ID, quantity);
                sold += quantity;
            }
        }
        assertEq(nft.getEvent(EVENT_ID).sold, sold);
        assertLe(sold, capacity);
    }
}
