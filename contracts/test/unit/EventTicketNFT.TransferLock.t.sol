// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract EventTicketNFTTransferLockTest is BaseTest {
    uint256 internal lockedToken;
    uint256 internal freeToken;

    function setUp() public override {
        super.setUp();
        _register(EVENT_ID, organizer, PRICE, CAPACITY, true);
        _register(OTHER_EVENT_ID, organizer, PRICE, CAPACITY, false);
        lockedToken = _buy(alice, EVENT_ID, 3);
        freeToken = _buy(alice, OTHER_EVENT_ID, 1);
    }

    function _lockedError() internal view returns (bytes memory) {
        return abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_TransferLocked.selector, EVENT_ID, eventEnd);
    }

    function test_RevertGiven_LockedTransferFrom() public {
        vm.expectRevert(_lockedError());
        vm.prank(alice);
        nft.transferFrom(alice, bob, lockedToken);
    }

    function test_RevertGiven_LockedSafeTransferFrom() public {
        vm.expectRevert(_lockedError());
        vm.prank(alice);
        nft.safeTransferFrom(alice, bob, lockedToken + 1);
    }

    function test_RevertGiven_LockedSafeTransferFromWithData() public {
        vm.expectRevert(_lockedError());
        vm.prank(alice);
        nft.safeTransferFrom(alice, bob, lockedToken + 2, "data");
    }

    function test_RevertGiven_LockedTransferByApprovedOperator() public {
        vm.prank(alice);
        nft.setApprovalForAll(bob, true);
        vm.expectRevert(_lockedError());
        vm.prank(bob);
        nft.transferFrom(alice, bob, lockedToken);
    }

    function test_LockedTicketsMoveAfterEventEnd() public {
        _endEvent();
        vm.prank(alice);
        nft.safeTransferFrom(alice, bob, lockedToken + 1);
        assertEq(nft.ownerOf(lockedToken + 1), bob);
        assertEq(nft.eventOf(lockedToken + 1), EVENT_ID, "event id survives transfers");
        assertTrue(nft.isTransferable(lockedToken, alice, bob));
    }

    function test_UnlockedTicketsMoveAnytime() public {
        vm.prank(alice);
        nft.transferFrom(alice, bob, freeToken);
        assertEq(nft.ownerOf(freeToken), bob);
        assertTrue(nft.isTransferable(freeToken, bob, carol));
    }

    function test_IsTransferable_ReportsLock() public view {
        assertFalse(nft.isTransferable(lockedToken, alice, bob));
        assertTrue(nft.isTransferable(lockedToken, address(0), alice), "mint allowed");
        assertTrue(nft.isTransferable(lockedToken, alice, address(0)), "burn allowed");
    }

    function test_LockedTicketsCanBeRefundedAndBurned() public {
        _cancel(EVENT_ID);
        vm.prank(alice);
        processor.claimRefund(lockedToken + 1);
        assertEq(nft.balanceOf(alice), 3);
    }
}
