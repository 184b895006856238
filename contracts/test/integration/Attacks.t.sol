// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @dev Buys a ticket and, from `onERC721Received`, tries to buy again (optionally swallowing the failure).
contract ReentrantBuyer {
    IPaymentProcessor internal immutable processor;
    uint256 internal immutable eventId;
    uint256 internal immutable price;
    bool internal swallow;
    bytes public reentryError;

    constructor(IPaymentProcessor processor_, uint256 eventId_, uint256 price_) {
        processor = processor_;
        eventId = eventId_;
        price = price_;
    }

    function buy(bool swallow_) external {
        swallow = swallow_;
        processor.purchaseTickets{value: price}(eventId, 1);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        if (swallow) {
            try processor.purchaseTickets{value: price}(eventId, 1) {}
            catch (bytes memory err) {
                reentryError = err;
            }
        } else {
            processor.purchaseTickets{value: price}(eventId, 1);
        }
        return this.onERC721Received.selector;
    }

    receive() external payable {}
}

/// @dev Claims a refund and, when paid, tries to claim again or to take other money out.
contract ReentrantClaimant {
    IPaymentProcessor internal immutable processor;
    uint256[] internal tokenIds;
    uint256 public reentryAttempts;
    uint256 public reentrySuccesses;

    constructor(IPaymentProcessor processor_) {
        processor = processor_;
    }

    function buy(uint256 eventId, uint256 quantity, uint256 value) external returns (uint256 first) {
        first = processor.purchaseTickets{value: value}(eventId, quantity);
        for (uint256 i = 0; i < quantity; ++i) {
            tokenIds.push(first + i);
        }
    }

    function claim(uint256 tokenId) external {
        processor.claimRefund(tokenId);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }

    receive() external payable {
        reentryAttempts++;
        for (uint256 i = 0; i < tokenIds.length; ++i) {
            try processor.claimRefund(tokenIds[i]) {
                reentrySuccesses++;
            } catch {}
        }
    }
}

/// @dev An organizer or treasury that re-enters every payout function when it receives ETH.
contract ReentrantPayee {
    IPaymentProcessor internal immutable processor;
    uint256 internal immutable eventId;
    uint256 public reentrySuccesses;
    uint256 public received;

    constructor(IPaymentProcessor processor_, uint256 eventId_) {
        processor = processor_;
        eventId = eventId_;
    }

    function withdrawRevenue() external {
        processor.withdrawRevenue(eventId);
    }

    function withdrawRoyalty() external {
        processor.withdrawRoyalty(eventId);
    }

    function withdrawPlatformFees() external {
        processor.withdrawPlatformFees();
    }

    receive() external payable {
        received += msg.value;
        try processor.withdrawRevenue(eventId) {
            reentrySuccesses++;
        } catch {}
        try processor.withdrawRoyalty(eventId) {
            reentrySuccesses++;
        } catch {}
        try processor.withdrawPlatformFees() {
            reentrySuccesses++;
        } catch {}
    }
}

/// @dev Rejects every ETH transfer.
contract RevertingReceiver {
    IPaymentProcessor internal immutable processor;

    constructor(IPaymentProcessor processor_) {
        processor = processor_;
    }

    function buy(uint256 eventId, uint256 value) external returns (uint256) {
        return processor.purchaseTickets{value: value}(eventId, 1);
    }

    function claim(uint256 tokenId) external {
        processor.claimRefund(tokenId);
    }

    function withdrawRevenue(uint256 eventId) external {
        processor.withdrawRevenue(eventId);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }

    receive() external payable {
        revert("no thanks");
    }
}

contract AttacksTest is BaseTest {
    function setUp() public override {
        super.setUp();
        _register(EVENT_ID, organizer);
        _register(OTHER_EVENT_ID, otherOrganizer);
    }

    // ---------------------------------------------------------------------------------------------- reentrancy

    function test_RevertWhen_BuyerReentersFromOnERC721Received() public {
        ReentrantBuyer buyer = new ReentrantBuyer(processor, EVENT_ID, PRICE);
        vm.deal(address(buyer), 1 ether);
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        buyer.buy(false);
        assertEq(nft.balanceOf(address(buyer)), 0);
    }

    function test_BuyerSwallowingReentryGetsOnlyWhatItPaidFor() public {
        ReentrantBuyer buyer = new ReentrantBuyer(processor, EVENT_ID, PRICE);
        vm.deal(address(buyer), 1 ether);
        buyer.buy(true);
        assertEq(nft.balanceOf(address(buyer)), 1);
        assertEq(
            buyer.reentryError(), abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(address(processor).balance, PRICE);
        assertEq(nft.getEvent(EVENT_ID).sold, 1);
    }

    function test_ReentrantRefundClaimantIsPaidOncePerTicket() public {
        ReentrantClaimant claimant = new ReentrantClaimant(processor);
        vm.deal(address(claimant), 1 ether);
        uint256 first = claimant.buy(EVENT_ID, 3, 3 * PRICE);
        _buy(alice, EVENT_ID, 1);
        _cancel(EVENT_ID);

        claimant.claim(first);
        assertEq(claimant.reentryAttempts(), 1);
        assertEq(claimant.reentrySuccesses(), 0, "re-entry blocked");
        assertEq(address(claimant).balance, 1 ether - 3 * PRICE + PRICE);
        assertEq(nft.balanceOf(address(claimant)), 2);
        assertEq(address(processor).balance, 3 * PRICE, "two of its tickets and alice's remain covered");
    }

    function test_ReentrantOrganizerIsPaidOnce() public {
        ReentrantPayee org = new ReentrantPayee(processor, 3);
        _register(3, address(org));
        _buy(alice, 3, 5);
        // A royalty for the event arrives too.
        vm.deal(stranger, 1 ether);
        vm.prank(stranger);
        processor.payRoyalty{value: 1 ether}(3);
        _endEvent();

        org.withdrawRevenue();
        org.withdrawRoyalty();
        assertEq(org.reentrySuccesses(), 0);
        assertEq(org.received(), 5 * uint256(PRICE) * 9500 / 10_000 + 0.5 ether);
        vm.expectRevert(IPaymentProcessor.PaymentProcessor_NothingToWithdraw.selector);
        org.withdrawRevenue();
    }

    function test_ReentrantTreasuryIsPaidOnce() public {
        ReentrantPayee payee = new ReentrantPayee(processor, EVENT_ID);
        vm.prank(owner);
        processor.setTreasury(address(payee));
        _buy(alice, EVENT_ID, 4);
        _endEvent();
        processor.settleEvent(EVENT_ID);
        payee.withdrawPlatformFees();
        assertEq(payee.reentrySuccesses(), 0);
        assertEq(payee.received(), 4 * uint256(PRICE) * 500 / 10_000);
    }

    // ---------------------------------------------------------------------------------------- reverting receivers

    function test_RevertingHolderDoesNotBlockOtherRefunds() public {
        RevertingReceiver holder = new RevertingReceiver(processor);
        vm.deal(address(holder), 1 ether);
        uint256 badToken = holder.buy(EVENT_ID, PRICE);
        uint256 goodToken = _buy(alice, EVENT_ID, 1);
        _cancel(EVENT_ID);

        vm.expectRevert(
            abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_TransferFailed.selector, address(holder), PRICE)
        );
        holder.claim(badToken);

        vm.prank(alice);
        processor.claimRefund(goodToken);
        assertEq(nft.ownerOf(badToken), address(holder), "its ticket stays claimable");
        assertEq(address(processor).balance, PRICE);
    }

    function test_RevertingOrganizerDoesNotBlockTreasuryOrOthers() public {
        RevertingReceiver org = new RevertingReceiver(processor);
        _register(3, address(org));
        _buy(alice, 3, 2);
        _buy(bob, EVENT_ID, 1);
        _endEvent();

        vm.expectRevert();
        org.withdrawRevenue(3);

        processor.settleEvent(3);
        vm.prank(treasury);
        processor.withdrawPlatformFees();
        vm.prank(organizer);
        processor.withdrawRevenue(EVENT_ID);
        assertEq(treasury.balance, 2 * uint256(PRICE) * 500 / 10_000);
        assertEq(
            address(processor).balance,
            2 * uint256(PRICE) * 9500 / 10_000 + processor.platformBalance(),
            "the organizer's share is kept"
        );
    }

    function test_RevertingTreasuryDoesNotBlockOrganizer() public {
        RevertingReceiver badTreasury = new RevertingReceiver(processor);
        vm.prank(owner);
        processor.setTreasury(address(badTreasury));
        _buy(alice, EVENT_ID, 2);
        _endEvent();
        vm.prank(organizer);
        processor.withdrawRevenue(EVENT_ID);
        vm.expectRevert();
        vm.prank(owner);
        processor.withdrawPlatformFees();
        assertEq(processor.platformBalance(), 2 * uint256(PRICE) * 500 / 10_000);
    }

    // ------------------------------------------------------------------------------------- privileged functions

    /// @dev Every privileged function, called by a stranger, an attendee and another event's organizer.
    function test_RevertWhen_PrivilegedFunctionsCalledByOutsiders() public {
        uint256 tokenId = _buy(alice, EVENT_ID, 1);
        address[3] memory outsiders = [stranger, alice, otherOrganizer];
        for (uint256 i = 0; i < outsiders.length; ++i) {
            address who = outsiders[i];
            bytes memory notOwner = abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, who);
            vm.startPrank(who);

            vm.expectRevert(
                abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotOwnerOrOperator.selector, who)
            );
            nft.registerEvent(9, who, 1, 1, saleStart, saleEnd, eventEnd, false);
            vm.expectRevert(
                abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotOperatorOrOrganizer.selector, who, 1)
            );
            nft.updateEvent(EVENT_ID, 0, CAPACITY, saleStart, saleEnd);
            vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotMinter.selector, who));
            nft.mintTickets(who, EVENT_ID, 1, PRICE);
            vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotMinter.selector, who));
            nft.burnTicket(tokenId);
            vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotMinter.selector, who));
            nft.markCancelled(EVENT_ID);
            vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotPauser.selector, who));
            nft.pause();
            vm.expectRevert(abi.encodeWithSelector(IEventTicketNFT.EventTicketNFT_CallerNotPauser.selector, who));
            nft.unpause();
            vm.expectRevert(notOwner);
            nft.setOperator(who, true);
            vm.expectRevert(notOwner);
            nft.setPauser(who, true);
            vm.expectRevert(notOwner);
            nft.setMinter(who);
            vm.expectRevert(notOwner);
            nft.setMaxTicketsPerPurchase(1);
            vm.expectRevert(notOwner);
            nft.setBaseURI("evil://");
            vm.expectRevert(notOwner);
            nft.rescueEther(payable(who));
            vm.expectRevert(notOwner);
            nft.transferOwnership(who);

            vm.expectRevert(
                abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotOperatorOrOrganizer.selector, who, 1)
            );
            processor.cancelEvent(EVENT_ID);
            vm.expectRevert(
                abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotOrganizer.selector, who, 1)
            );
            processor.withdrawRevenue(EVENT_ID);
            vm.expectRevert(
                abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotOrganizer.selector, who, 1)
            );
            processor.withdrawRoyalty(EVENT_ID);
            vm.expectRevert(
                abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotTreasuryOrOwner.selector, who)
            );
            processor.withdrawPlatformFees();
            vm.expectRevert(abi.encodeWithSelector(IPaymentProcessor.PaymentProcessor_CallerNotTicketNFT.selector, who));
            processor.onEventRegistered(9);
            vm.expectRevert(notOwner);
            processor.setPlatformFee(0);
            vm.expectRevert(notOwner);
            processor.setTreasury(who);
            vm.expectRevert(notOwner);
            processor.transferOwnership(who);
            vm.stopPrank();
        }
    }

    function test_RevertWhen_ProcessorReceivesPlainEther() public {
        vm.prank(alice);
        (bool ok,) = address(processor).call{value: 1 ether}("");
        assertFalse(ok, "no receive function: ETH only arrives through purchases and royalties");
    }
}
