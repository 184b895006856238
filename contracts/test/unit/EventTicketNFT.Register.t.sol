// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventTicketNFT} from "../../src/EventTicketNFT.sol";
import {PaymentProcessor} from "../../src/PaymentProcessor.sol";
import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {EventView} from "../../src/types/EventTypes.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract EventTicketNFTRegisterTest is BaseTest {
    function test_RegisterEvent_StoresEventAndEmits() public {
        address splitter = nft.royaltyReceiver(EVENT_ID);
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.EventRegistered(
            EVENT_ID, organizer, PRICE, CAPACITY, saleStart, saleEnd, eventEnd, true, splitter, 500
        );
        vm.prank(operator);
        nft.registerEvent(EVENT_ID, organizer, PRICE, CAPACITY, saleStart, saleEnd, eventEnd, true);

        EventView memory e = nft.getEvent(EVENT_ID);
        assertEq(e.organizer, organizer);
        assertEq(e.price, PRICE);
        assertEq(e.capacity, CAPACITY);
        assertEq(e.sold, 0);
        assertEq(e.saleStart, saleStart);
        assertEq(e.saleEnd, saleEnd);
        assertEq(e.eventEnd, eventEnd);
        assertTrue(e.transferLocked);
        assertFalse(e.cancelled);
        assertEq(e.royaltyReceiver, splitter);
        assertGt(splitter.code.length, 0, "splitter deployed");
        assertEq(nft.eventsOf(organizer).length, 1);
        assertEq(processor.eventRevenue(EVENT_ID).feeBps, 500);
        (address org, uint256 end) = nft.organizerOf(EVENT_ID);
        assertEq(org, organizer);
        assertEq(end, eventEnd);
    }

    function test_RegisterEvent_ByOwner() public {
        vm.prank(owner);
        nft.registerEvent(EVENT_ID, organizer, PRICE, CAPACITY, saleStart, saleEnd, eventEnd, false);
        assertEq(nft.getEvent(EVENT_ID).organizer, organizer);
    }

    function test_RegisterEvent_FreeTickets() public {
        _register(EVENT_ID, organizer, 0, CAPACITY, false);
        uint256 tokenId = _buy(alice, EVENT_ID, 2);
        assertEq(nft.ownerOf(tokenId + 1), alice);
        assertEq(nft.grossSales(EVENT_ID), 0);
    }

    function test_RegisterEvent_MaxEventId() public {
        _register(nft.MAX_EVENT_ID(), organizer);
        uint256 tokenId = _buy(alice, nft.MAX_EVENT_ID(), 1);
        assertEq(nft.eventOf(tokenId), nft.MAX_EVENT_ID());
    }

    function test_RevertWhen_RegisterCallerNotOperator() public {
        address[3] memory callers = [stranger, organizer, pauser];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotOwnerOrOperator.selector, callers[i])
            );
            vm.prank(callers[i]);
            nft.registerEvent(EVENT_ID, organizer, PRICE, CAPACITY, saleStart, saleEnd, eventEnd, false);
        }
    }

    function test_RevertWhen_EventIdZero() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidEventId.selector, 0));
        _register(0, organizer);
    }

    function test_RevertWhen_EventIdTooLarge() public {
        uint256 id = uint256(type(uint24).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidEventId.selector, id));
        _register(id, organizer);
    }

    function test_RevertGiven_EventAlreadyRegistered() public {
        _register(EVENT_ID, organizer);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventAlreadyRegistered.selector, 1));
        _register(EVENT_ID, otherOrganizer);
    }

    function test_RevertGiven_EventAlreadyRegisteredAndCancelled() public {
        _register(EVENT_ID, organizer);
        _cancel(EVENT_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventAlreadyRegistered.selector, 1));
        _register(EVENT_ID, organizer);
    }

    function test_RevertWhen_OrganizerZero() public {
        vm.expectRevert(IEventTicketNFT.EventTicketNFT_InvalidOrganizer.selector);
        _register(EVENT_ID, address(0));
    }

    function test_RevertWhen_CapacityZero() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidCapacity.selector, 0, 0));
        _register(EVENT_ID, organizer, PRICE, 0, false);
    }

    function test_RevertWhen_SaleStartNotBeforeSaleEnd() public {
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidSchedule.selector, saleEnd, saleEnd, eventEnd)
        );
        vm.prank(operator);
        nft.registerEvent(EVENT_ID, organizer, PRICE, CAPACITY, saleEnd, saleEnd, eventEnd, false);
    }

    function test_RevertWhen_SaleEndAfterEventEnd() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IEventTicketNFT.EventTicketNFT_InvalidSchedule.selector, saleStart, eventEnd + 1, eventEnd
            )
        );
        vm.prank(operator);
        nft.registerEvent(EVENT_ID, organizer, PRICE, CAPACITY, saleStart, eventEnd + 1, eventEnd, false);
    }

    function test_RevertWhen_EventEndInPast() public {
        uint40 past = uint40(block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidSchedule.selector, past - 2, past - 1, past)
        );
        vm.prank(operator);
        nft.registerEvent(EVENT_ID, organizer, PRICE, CAPACITY, past - 2, past - 1, past, false);
    }

    function test_RevertGiven_MinterNotSet() public {
        EventTicketNFT fresh = new EventTicketNFT("T", "T", "", owner);
        vm.expectRevert(IEventTicketNFT.EventTicketNFT_MinterNotSet.selector);
        vm.prank(owner);
        fresh.registerEvent(EVENT_ID, organizer, PRICE, CAPACITY, saleStart, saleEnd, eventEnd, false);
    }

    function test_RevertWhen_OnEventRegisteredCallerNotTicketNFT() public {
        vm.expectRevert(
            abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotTicketNFT.selector, stranger)
        );
        vm.prank(stranger);
        processor.onEventRegistered(EVENT_ID);
    }

    function test_RevertGiven_ProcessorAlreadyKnowsEvent() public {
        _register(EVENT_ID, organizer);
        vm.expectRevert(
            abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventAlreadyRegistered.selector, EVENT_ID)
        );
        vm.prank(address(nft));
        processor.onEventRegistered(EVENT_ID);
    }

    function test_RevertWhen_GetEventUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventNotFound.selector, 7));
        nft.getEvent(7);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_EventNotFound.selector, 7));
        nft.saleTerms(7);
    }

    function test_PlatformFeeIsFixedAtRegistration() public {
        _register(EVENT_ID, organizer);
        vm.prank(owner);
        processor.setPlatformFee(1000);
        _register(OTHER_EVENT_ID, organizer);
        assertEq(processor.eventRevenue(EVENT_ID).feeBps, 500);
        assertEq(processor.eventRevenue(OTHER_EVENT_ID).feeBps, 1000);
    }

    function test_Constructor_RevertWhen_ZeroAddresses() public {
        vm.expectRevert(IPaymentProcessor.PaymentProcessor_ZeroAddress.selector);
        new PaymentProcessor(nft, address(0), owner);
        vm.expectRevert(IPaymentProcessor.PaymentProcessor_ZeroAddress.selector);
        new PaymentProcessor(EventTicketNFT(address(0)), treasury, owner);
    }
}
