// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventRoyaltySplitter} from "../../src/EventRoyaltySplitter.sol";
import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @dev Pays royalties the way marketplaces do: read ERC-2981, then send ETH to the receiver.
contract Marketplace {
    function settleResale(address nft, uint256 tokenId, uint256 salePrice, bool useTransfer) external payable {
        (address receiver, uint256 royalty) = RoyaltyInfo(nft).royaltyInfo(tokenId, salePrice);
        if (useTransfer) {
            payable(receiver).transfer(royalty); // 2,300 gas stipend, as some marketplaces still do
        } else {
            (bool ok,) = receiver.call{value: royalty}("");
            require(ok, "royalty");
        }
    }
}

interface RoyaltyInfo {
    function royaltyInfo(uint256 tokenId, uint256 salePrice) external view returns (address, uint256);
}

contract PaymentProcessorRoyaltyTest is BaseTest {
    Marketplace internal market;
    uint256 internal tokenId;

    function setUp() public override {
        super.setUp();
        market = new Marketplace();
        vm.deal(address(market), 100 ether);
        _register(EVENT_ID, organizer);
        _register(OTHER_EVENT_ID, otherOrganizer);
        tokenId = _buy(alice, EVENT_ID, 1);
    }

    function test_RoyaltyInfo_TenPercentToEventSplitter() public view {
        (address receiver, uint256 amount) = nft.royaltyInfo(tokenId, 2 ether);
        assertEq(receiver, nft.royaltyReceiver(EVENT_ID));
        assertEq(amount, 0.2 ether);
        assertEq(EventRoyaltySplitter(payable(receiver)).eventId(), EVENT_ID);
        assertTrue(receiver != nft.royaltyReceiver(OTHER_EVENT_ID));
    }

    function test_RoyaltyPaidByMarketplace_BothHalvesCollectable() public {
        market.settleResale(address(nft), tokenId, 2 ether, false);
        address splitter = nft.royaltyReceiver(EVENT_ID);
        assertEq(splitter.balance, 0.2 ether);

        uint256 before = organizer.balance;
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.RoyaltyReceived(EVENT_ID, splitter, 0.2 ether, 0.1 ether, 0.1 ether);
        vm.expectEmit(address(processor));
        emit IPaymentProcessor.RoyaltyWithdrawn(EVENT_ID, organizer, 0.1 ether);
        vm.prank(organizer);
        assertEq(processor.withdrawRoyalty(EVENT_ID), 0.1 ether);
        assertEq(organizer.balance, before + 0.1 ether);

        vm.prank(treasury);
        assertEq(processor.withdrawPlatformFees(), 0.1 ether);
        assertEq(treasury.balance, 0.1 ether);
        assertEq(address(processor).balance, PRICE, "only the ticket escrow is left");
    }

    function test_RoyaltyPaidWithTransferStipend() public {
        market.settleResale(address(nft), tokenId, 1 ether, true);
        assertEq(nft.royaltyReceiver(EVENT_ID).balance, 0.1 ether);
        vm.prank(organizer);
        assertEq(processor.withdrawRoyalty(EVENT_ID), 0.05 ether);
    }

    function test_CollectRoyalties_ByAnyoneThenTreasuryWithdraws() public {
        uint256 salePrice = 1 ether + 10; // royalty of an odd number of wei: the organizer gets the odd wei
        market.settleResale(address(nft), tokenId, salePrice, false);
        uint256 royalty = salePrice / 10;
        vm.prank(stranger);
        assertEq(processor.collectRoyalties(EVENT_ID), royalty);
        assertEq(processor.platformBalance(), royalty / 2);
        assertEq(processor.eventRevenue(EVENT_ID).royaltyCredited, royalty - royalty / 2);
        assertEq(processor.collectRoyalties(EVENT_ID), 0, "nothing waiting");
    }

    function test_Splitter_ForwardByAnyone() public {
        address splitter = nft.royaltyReceiver(EVENT_ID);
        vm.deal(splitter, 1 ether);
        vm.prank(stranger);
        assertEq(EventRoyaltySplitter(payable(splitter)).forward(), 1 ether);
        assertEq(EventRoyaltySplitter(payable(splitter)).forward(), 0);
        assertEq(processor.eventRevenue(EVENT_ID).royaltyCredited, 0.5 ether);
    }

    function test_PayRoyalty_Directly() public {
        vm.prank(stranger);
        vm.deal(stranger, 1 ether);
        processor.payRoyalty{value: 1 ether}(OTHER_EVENT_ID);
        vm.prank(otherOrganizer);
        assertEq(processor.withdrawRoyalty(OTHER_EVENT_ID), 0.5 ether);
    }

    function test_RoyaltiesStayCollectableAfterCancellation() public {
        market.settleResale(address(nft), tokenId, 1 ether, false);
        _cancel(EVENT_ID);
        vm.prank(organizer);
        assertEq(processor.withdrawRoyalty(EVENT_ID), 0.05 ether);
    }

    function test_RevertWhen_PayRoyaltyZero() public {
        vm.expectRevert(IPaymentProcessor.PaymentProcessor_ZeroRoyalty.selector);
        processor.payRoyalty(EVENT_ID);
    }

    function test_RevertWhen_PayRoyaltyUnknownEvent() public {
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotFound.selector, 5));
        processor.payRoyalty{value: 1}(5);
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotFound.selector, 5));
        processor.collectRoyalties(5);
        vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_EventNotFound.selector, 5));
        processor.withdrawRoyalty(5);
    }

    function test_RevertWhen_WithdrawRoyaltyCallerNotOrganizer() public {
        market.settleResale(address(nft), tokenId, 1 ether, false);
        address[4] memory callers = [stranger, alice, otherOrganizer, treasury];
        for (uint256 i = 0; i < callers.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IPaymentProcessor.PaymentProcessor_CallerNotOrganizer.selector, callers[i], EVENT_ID
                )
            );
            vm.prank(callers[i]);
            processor.withdrawRoyalty(EVENT_ID);
        }
    }

    function test_RevertGiven_NoRoyalty() public {
        vm.expectRevert(IPaymentProcessor.PaymentProcessor_NothingToWithdraw.selector);
        vm.prank(organizer);
        processor.withdrawRoyalty(EVENT_ID);
    }
}
