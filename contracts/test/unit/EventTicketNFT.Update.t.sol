// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {EventView} from "../../src/types/EventTypes.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract EventTicketNFTUpdateTest is BaseTest {
    function setUp() public override {
        super.setUp();
        _register(EVENT_ID, organizer);
        _register(OTHER_EVENT_ID, otherOrganizer);
    }

    function test_UpdateEvent_ByOrganizer() public {
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.EventUpdated(EVENT_ID, 2 * PRICE, 50, saleStart + 1, saleEnd - 1, organizer);
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, 2 * PRICE, 50, saleStart + 1, saleEnd - 1);

        EventView memory e = nft.getEvent(EVENT_ID);
        assertEq(e.price, 2 * PRICE);
        assertEq(e.capacity, 50);
        assertEq(e.saleStart, saleStart + 1);
        assertEq(e.saleEnd, saleEnd - 1);
    }

    function test_UpdateEvent_ByOperator() public {
        vm.prank(operator);
        nft.updateEvent(EVENT_ID, PRICE, 7, saleStart, saleEnd);
        assertEq(nft.getEvent(EVENT_ID).capacity, 7);
    }

    function test_UpdateEvent_CapacityDownToSold() public {
        _buy(alice, EVENT_ID, 3);
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, 3, saleStart, saleEnd);
        assertEq(nft.getEvent(EVENT_ID).capacity, 3);
    }

    function test_PriceChange_KeepsPricePaidOfEarlierTickets() public {
        uint256 first = _buy(alice, EVENT_ID, 2);
        _buy(bob, OTHER_EVENT_ID, 1); // tokens of another event in between
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, 3 * PRICE, CAPACITY, saleStart, saleEnd);
        uint256 second = _buy(bob, EVENT_ID, 1);
        vm.prank(operator);
        nft.updateEvent(EVENT_ID, PRICE / 2, CAPACITY, saleStart, saleEnd);
        uint256 third = _buy(carol, EVENT_ID, 3);

        assertEq(nft.pricePaid(first), PRICE);
        assertEq(nft.pricePaid(first + 1), PRICE);
        assertEq(nft.pricePaid(second), 3 * PRICE);
        assertEq(nft.pricePaid(third), PRICE / 2);
        assertEq(nft.pricePaid(third + 2), PRICE / 2);
        assertEq(nft.grossSales(EVENT_ID), 2 * PRICE + 3 * PRICE + 3 * (PRICE / 2));
        (, uint256 eventId, uint256 paid) = nft.ticketInfo(second);
        assertEq(eventId, EVENT_ID);
        assertEq(paid, 3 * PRICE);
    }

    function test_PriceChange_WithoutSalesReplacesPrice() public {
        vm.startPrank(organizer);
        nft.updateEvent(EVENT_ID, 2 * PRICE, CAPACITY, saleStart, saleEnd);
        nft.updateEvent(EVENT_ID, 4 * PRICE, CAPACITY, saleStart, saleEnd);
        vm.stopPrank();
        uint256 tokenId = _buy(alice, EVENT_ID, 1);
        assertEq(nft.pricePaid(tokenId), 4 * PRICE);
        assertEq(nft.grossSales(EVENT_ID), 4 * PRICE);
    }

    function test_RevertWhen_UpdateCallerNotOrganizer() public {
        address[3] memory callers = [stranger, otherOrganizer, alice];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IEventTicketNFT.EventTicketNFT_CallerNotOperatorOrOrganizer.selector, callers[i], EVENT_ID
                )
            );
            vm.prank(callers[i]);
            nft.updateEvent(EVENT_ID, PRICE, CAPACITY, saleStart, saleEnd);
        }
    }

    function test_RevertWhen_UpdateUnknownEvent() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventNotFound.selector, 9));
        vm.prank(operator);
        nft.updateEvent(9, PRICE, CAPACITY, saleStart, saleEnd);
    }

    function test_RevertGiven_UpdateAfterEventEnded() public {
        _endEvent();
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventEnded.selector, EVENT_ID, eventEnd));
        vm.prank(operator);
        nft.updateEvent(EVENT_ID, PRICE, CAPACITY, saleStart, saleEnd);
    }

    function test_RevertGiven_UpdateCancelledEvent() public {
        _cancel(EVENT_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventIsCancelled.selector, EVENT_ID));
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, CAPACITY, saleStart, saleEnd);
    }

    function test_RevertWhen_CapacityBelowSold() public {
        _buy(alice, EVENT_ID, 5);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidCapacity.selector, 4, 5));
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, 4, saleStart, saleEnd);
    }

    function test_RevertWhen_UpdateCapacityZero() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidCapacity.selector, 0, 0));
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, 0, saleStart, saleEnd);
    }

    function test_RevertWhen_UpdateScheduleInvalid() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IEventTicketNFT.EventTicketNFT_InvalidSchedule.selector, saleStart, eventEnd + 1, eventEnd
            )
        );
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, CAPACITY, saleStart, eventEnd + 1);

        vm.expectRevert(
            abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidSchedule.selector, saleEnd, saleEnd, eventEnd)
        );
        vm.prank(organizer);
        nft.updateEvent(EVENT_ID, PRICE, CAPACITY, saleEnd, saleEnd);
    }
}
