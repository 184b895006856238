// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventTicketNFT} from "../../src/EventTicketNFT.sol";
import {IERC6454} from "../../src/interfaces/IERC6454.sol";
import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";

contract EventTicketNFTAdminTest is BaseTest {
    function test_Constructor() public view {
        assertEq(nft.name(), "Echain Ticket");
        assertEq(nft.symbol(), "ECHT");
        assertEq(nft.owner(), owner);
        assertEq(nft.minter(), address(processor));
        assertEq(nft.baseURI(), BASE_URI);
        assertEq(nft.maxTicketsPerPurchase(), 10);
        assertEq(nft.nextTokenId(), 1);
        assertEq(nft.ROYALTY_BPS(), 1000);
        assertEq(nft.MAX_EVENT_ID(), type(uint24).max);
        assertTrue(nft.isOperator(operator));
        assertTrue(nft.isPauser(pauser));
        assertFalse(nft.paused());
    }

    function test_SupportsInterface() public view {
        assertTrue(nft.supportsInterface(type(IERC165).interfaceId));
        assertTrue(nft.supportsInterface(0x80ac58cd)); // ERC-721
        assertTrue(nft.supportsInterface(0x5b5e139f)); // ERC-721 metadata
        assertTrue(nft.supportsInterface(type(IERC2981).interfaceId));
        assertTrue(nft.supportsInterface(type(IERC6454).interfaceId));
        assertEq(type(IERC6454).interfaceId, bytes4(0x91a6262f));
        assertTrue(nft.supportsInterface(0x49064906)); // ERC-4906
        assertFalse(nft.supportsInterface(0xffffffff));
    }

    function test_SetOperator() public {
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.OperatorSet(carol, true);
        vm.prank(owner);
        nft.setOperator(carol, true);
        assertTrue(nft.isOperator(carol));
        vm.prank(owner);
        nft.setOperator(carol, false);
        assertFalse(nft.isOperator(carol));
    }

    function test_SetPauser() public {
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.PauserSet(carol, true);
        vm.prank(owner);
        nft.setPauser(carol, true);
        assertTrue(nft.isPauser(carol));
    }

    function test_RevertWhen_RoleForZeroAddress() public {
        vm.startPrank(owner);
        vm.expectRevert(IEventTicketNFT.EventTicketNFT_ZeroAddress.selector);
        nft.setOperator(address(0), true);
        vm.expectRevert(IEventTicketNFT.EventTicketNFT_ZeroAddress.selector);
        nft.setPauser(address(0), true);
        vm.expectRevert(IEventTicketNFT.EventTicketNFT_ZeroAddress.selector);
        nft.setMinter(address(0));
        vm.stopPrank();
    }

    function test_RevertGiven_MinterAlreadySet() public {
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_MinterAlreadySet.selector, address(processor))
        );
        vm.prank(owner);
        nft.setMinter(carol);
    }

    function test_SetMinter_Once() public {
        EventTicketNFT fresh = new EventTicketNFT("T", "T", "", owner);
        vm.expectEmit(address(fresh));
        emit IEventTicketNFT.MinterSet(carol);
        vm.prank(owner);
        fresh.setMinter(carol);
        assertEq(fresh.minter(), carol);
    }

    function test_PauseAndUnpause() public {
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.SalesPausedSet(true, pauser);
        vm.prank(pauser);
        nft.pause();
        assertTrue(nft.paused());
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.SalesPausedSet(false, pauser);
        vm.prank(pauser);
        nft.unpause();
        assertFalse(nft.paused());
    }

    function test_RevertWhen_PauseCallerNotPauser() public {
        address[4] memory callers = [stranger, owner, operator, organizer];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotPauser.selector, callers[i]));
            vm.prank(callers[i]);
            nft.pause();
            vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotPauser.selector, callers[i]));
            vm.prank(callers[i]);
            nft.unpause();
        }
    }

    function test_SetMaxTicketsPerPurchase() public {
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.MaxTicketsPerPurchaseSet(20);
        vm.prank(owner);
        nft.setMaxTicketsPerPurchase(20);
        assertEq(nft.maxTicketsPerPurchase(), 20);
        _register(EVENT_ID, organizer);
        uint256 first = _buy(alice, EVENT_ID, 20);
        assertEq(nft.ownerOf(first + 19), alice);
    }

    function test_RevertWhen_MaxTicketsPerPurchaseOutOfRange() public {
        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidMaxTicketsPerPurchase.selector, 0));
        nft.setMaxTicketsPerPurchase(0);
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_InvalidMaxTicketsPerPurchase.selector, 101)
        );
        nft.setMaxTicketsPerPurchase(101);
        vm.stopPrank();
    }

    function test_SetBaseURI() public {
        _register(EVENT_ID, organizer);
        uint256 tokenId = _buy(alice, EVENT_ID, 1);
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.BaseURISet("ipfs://x/");
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.BatchMetadataUpdate(1, type(uint256).max);
        vm.prank(owner);
        nft.setBaseURI("ipfs://x/");
        assertEq(nft.tokenURI(tokenId), string.concat("ipfs://x/", vm.toString(tokenId)));
        assertEq(nft.baseURI(), "ipfs://x/");
    }

    function test_RescueEther() public {
        address to = makeAddr("rescueTo");
        vm.deal(address(nft), 1 ether);
        vm.expectEmit(address(nft));
        emit IEventTicketNFT.EtherRescued(to, 1 ether);
        vm.prank(owner);
        nft.rescueEther(payable(to));
        assertEq(to.balance, 1 ether);
        assertEq(address(nft).balance, 0);
    }

    function test_RescueEther_SentWithPayableApprove() public {
        _register(EVENT_ID, organizer);
        uint256 tokenId = _buy(alice, EVENT_ID, 1);
        vm.prank(alice);
        nft.approve{value: 1 ether}(bob, tokenId);
        address to = makeAddr("rescueTo");
        vm.prank(owner);
        nft.rescueEther(payable(to));
        assertEq(to.balance, 1 ether);
    }

    function test_RevertWhen_RescueToZeroOrRejectingReceiver() public {
        vm.deal(address(nft), 1 ether);
        vm.startPrank(owner);
        vm.expectRevert(IEventTicketNFT.EventTicketNFT_ZeroAddress.selector);
        nft.rescueEther(payable(address(0)));
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_RescueFailed.selector, address(processor), 1 ether)
        );
        nft.rescueEther(payable(address(processor)));
        vm.stopPrank();
    }

    function test_RevertWhen_AdminCallerNotOwner() public {
        address[4] memory callers = [stranger, operator, pauser, organizer];
        for (uint256 i = 0; i < callers.length; ++i) {
            address caller = callers[i];
            bytes memory err = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller);
            vm.startPrank(caller);
            vm.expectRevert(err);
            nft.setOperator(caller, true);
            vm.expectRevert(err);
            nft.setPauser(caller, true);
            vm.expectRevert(err);
            nft.setMinter(caller);
            vm.expectRevert(err);
            nft.setMaxTicketsPerPurchase(5);
            vm.expectRevert(err);
            nft.setBaseURI("x");
            vm.expectRevert(err);
            nft.rescueEther(payable(caller));
            vm.expectRevert(err);
            nft.transferOwnership(caller);
            vm.stopPrank();
        }
    }

    function test_OwnershipTransferIsTwoStep() public {
        address safe = makeAddr("safe");
        vm.prank(owner);
        nft.transferOwnership(safe);
        assertEq(nft.owner(), owner);
        assertEq(nft.pendingOwner(), safe);
        vm.prank(safe);
        nft.acceptOwnership();
        assertEq(nft.owner(), safe);
        assertEq(nft.pendingOwner(), address(0));
    }

    function test_RevertWhen_TokenQueriesForNonexistentToken() public {
        vm.expectRevert();
        nft.tokenURI(1);
        vm.expectRevert();
        nft.eventOf(1);
        vm.expectRevert();
        nft.pricePaid(1);
        vm.expectRevert();
        nft.ticketInfo(1);
        vm.expectRevert();
        nft.royaltyInfo(1, 1 ether);
        vm.expectRevert();
        nft.isTransferable(1, alice, bob);
    }
}
