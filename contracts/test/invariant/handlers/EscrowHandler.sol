// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventTicketNFT} from "../../../src/EventTicketNFT.sol";
import {PaymentProcessor} from "../../../src/PaymentProcessor.sol";
import {EventRevenue, EventView} from "../../../src/types/EventTypes.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

/// @notice Drives the contracts the way users do: buy, transfer, pay royalties, change price and fee, cancel,
/// refund, settle, withdraw, travel in time, and send ETH by mistake. Records what really moved in ghost variables.
contract EscrowHandler is CommonBase, StdCheats, StdUtils {
    EventTicketNFT public immutable nft;
    PaymentProcessor public immutable processor;
    address public immutable owner;
    address public immutable operator;
    address public immutable treasury;

    uint256[] public eventIds;
    address[] public buyers;
    mapping(uint256 eventId => uint256[]) internal _tokens;

    // Ghosts: ETH that really moved.
    mapping(uint256 eventId => uint256) public ghostPaidByBuyers;
    mapping(uint256 eventId => uint256) public ghostRefundsPaid;
    mapping(uint256 eventId => uint256) public ghostRoyaltiesPaid;
    mapping(address organizer => uint256) public ghostOrganizerReceived;
    uint256 public ghostTreasuryReceived;
    uint256 public ghostSentByMistake;
    mapping(bytes32 action => uint256) public calls;

    constructor(
        EventTicketNFT nft_,
        PaymentProcessor processor_,
        address owner_,
        address operator_,
        address treasury_,
        uint256[] memory eventIds_
    ) {
        nft = nft_;
        processor = processor_;
        owner = owner_;
        operator = operator_;
        treasury = treasury_;
        eventIds = eventIds_;
        for (uint256 i = 0; i < 4; ++i) {
            buyers.push(makeAddr(string.concat("buyer", vm.toString(i))));
        }
    }

    // ------------------------------------------------------------------------------------------------- actions

    function buy(uint256 eventSeed, uint256 buyerSeed, uint256 quantity) external {
        (bool ok, uint256 eventId) = _pick(eventSeed, this.canBuy);
        if (!ok) return;
        address buyer = buyers[buyerSeed % buyers.length];
        EventView memory e = nft.getEvent(eventId);
        quantity = bound(quantity, 1, _min(10, e.capacity - e.sold));
        uint256 amount = e.price * quantity;
        vm.deal(buyer, buyer.balance + amount);
        vm.prank(buyer);
        uint256 first = processor.purchaseTickets{value: amount}(eventId, quantity);
        for (uint256 i = 0; i < quantity; ++i) {
            _tokens[eventId].push(first + i);
        }
        ghostPaidByBuyers[eventId] += amount;
        calls["buy"]++;
    }

    function transfer(uint256 eventSeed, uint256 tokenSeed, uint256 toSeed) external {
        (bool ok, uint256 eventId) = _pick(eventSeed, this.hasLiveTokens);
        if (!ok) return;
        (bool found, uint256 tokenId, address holder) = _liveToken(eventId, tokenSeed);
        if (!found) return;
        address to = buyers[toSeed % buyers.length];
        if (!nft.isTransferable(tokenId, holder, to)) return;
        vm.prank(holder);
        nft.transferFrom(holder, to, tokenId);
        calls["transfer"]++;
    }

    function payRoyalty(uint256 eventSeed, uint256 tokenSeed, uint256 salePrice) external {
        (bool ok, uint256 eventId) = _pick(eventSeed, this.hasLiveTokens);
        if (!ok) return;
        (bool found, uint256 tokenId,) = _liveToken(eventId, tokenSeed);
        if (!found) return;
        salePrice = bound(salePrice, 0, 100 ether);
        (address receiver, uint256 royalty) = nft.royaltyInfo(tokenId, salePrice);
        if (royalty == 0) return;
        address market = makeAddr("marketplace");
        vm.deal(market, royalty);
        vm.prank(market);
        (bool sent,) = receiver.call{value: royalty}("");
        require(sent, "royalty payment failed");
        ghostRoyaltiesPaid[eventId] += royalty;
        calls["payRoyalty"]++;
    }

    function changePrice(uint256 eventSeed, uint96 price, bool byOperator) external {
        (bool ok, uint256 eventId) = _pick(eventSeed, this.canUpdate);
        if (!ok) return;
        EventView memory e = nft.getEvent(eventId);
        price = uint96(bound(price, 0, 5 ether));
        vm.prank(byOperator ? operator : e.organizer);
        nft.updateEvent(eventId, price, uint32(e.capacity), uint40(e.saleStart), uint40(e.saleEnd));
        calls["changePrice"]++;
    }

    function changeFee(uint256 feeBps, uint256 chance) external {
        if (chance % 3 != 0) return;
        feeBps = bound(feeBps, 0, processor.MAX_PLATFORM_FEE_BPS());
        vm.prank(owner);
        processor.setPlatformFee(feeBps);
        calls["changeFee"]++;
    }

    function cancel(uint256 eventSeed, bool byOrganizer, uint256 chance) external {
        // Cancel rarely, so that most runs also see events that end and pay out.
        if (chance % 8 != 0) return;
        (bool ok, uint256 eventId) = _pick(eventSeed, this.canCancel);
        if (!ok) return;
        EventView memory e = nft.getEvent(eventId);
        if (byOrganizer && block.timestamp >= e.eventEnd) byOrganizer = false;
        vm.prank(byOrganizer ? e.organizer : operator);
        processor.cancelEvent(eventId);
        calls["cancel"]++;
    }

    function refund(uint256 eventSeed, uint256 tokenSeed) external {
        (bool ok, uint256 eventId) = _pick(eventSeed, this.canRefund);
        if (!ok) return;
        (bool found, uint256 tokenId, address holder) = _liveToken(eventId, tokenSeed);
        if (!found) return;
        uint256 before = holder.balance;
        vm.prank(holder);
        uint256 amount = processor.claimRefund(tokenId);
        require(holder.balance - before == amount, "refund amount");
        ghostRefundsPaid[eventId] += amount;
        calls["refund"]++;
    }

    function settle(uint256 eventSeed) external {
        (bool ok, uint256 eventId) = _pick(eventSeed, this.canSettle);
        if (!ok) return;
        processor.settleEvent(eventId);
        calls["settle"]++;
    }

    function withdrawRevenue(uint256 eventSeed) external {
        (bool ok, uint256 eventId) = _pick(eventSeed, this.canWithdrawRevenue);
        if (!ok) return;
        (address organizer,) = nft.organizerOf(eventId);
        uint256 before = organizer.balance;
        vm.prank(organizer);
        processor.withdrawRevenue(eventId);
        ghostOrganizerReceived[organizer] += organizer.balance - before;
        calls["withdrawRevenue"]++;
    }

    function withdrawRoyalty(uint256 eventSeed) external {
        (bool ok, uint256 eventId) = _pick(eventSeed, this.canWithdrawRoyalty);
        if (!ok) return;
        (address organizer,) = nft.organizerOf(eventId);
        uint256 before = organizer.balance;
        vm.prank(organizer);
        processor.withdrawRoyalty(eventId);
        ghostOrganizerReceived[organizer] += organizer.balance - before;
        calls["withdrawRoyalty"]++;
    }

    function withdrawPlatformFees() external {
        if (processor.platformBalance() == 0) return;
        uint256 before = treasury.balance;
        vm.prank(treasury);
        processor.withdrawPlatformFees();
        ghostTreasuryReceived += treasury.balance - before;
        calls["withdrawPlatformFees"]++;
    }

    function warp(uint256 seconds_) external {
        seconds_ = bound(seconds_, 1, 12 hours);
        vm.warp(block.timestamp + seconds_);
        calls["warp"]++;
    }

    /// @dev ETH forced in (a self-destructing contract, a block reward): the processor has no receive function.
    function sendByMistake(uint256 amount, uint256 chance) external {
        if (chance % 3 != 0) return;
        amount = bound(amount, 1, 1 ether);
        vm.deal(address(processor), address(processor).balance + amount);
        ghostSentByMistake += amount;
        calls["sendByMistake"]++;
    }

    // ------------------------------------------------------------------------------------------ eligibility

    function canBuy(uint256 eventId) external view returns (bool) {
        EventView memory e = nft.getEvent(eventId);
        return !e.cancelled && !nft.paused() && block.timestamp >= e.saleStart && block.timestamp < e.saleEnd
            && e.sold < e.capacity;
    }

    function hasLiveTokens(uint256 eventId) external view returns (bool found) {
        (found,,) = _liveToken(eventId, 0);
    }

    function canUpdate(uint256 eventId) external view returns (bool) {
        EventView memory e = nft.getEvent(eventId);
        return !e.cancelled && block.timestamp < e.eventEnd;
    }

    function canCancel(uint256 eventId) external view returns (bool) {
        EventRevenue memory r = processor.eventRevenue(eventId);
        return !r.cancelled && !r.settled;
    }

    function canRefund(uint256 eventId) external view returns (bool) {
        return processor.eventRevenue(eventId).cancelled && this.hasLiveTokens(eventId);
    }

    function canSettle(uint256 eventId) external view returns (bool) {
        EventRevenue memory r = processor.eventRevenue(eventId);
        (, uint256 eventEnd) = nft.organizerOf(eventId);
        return !r.cancelled && !r.settled && block.timestamp >= eventEnd;
    }

    function canWithdrawRevenue(uint256 eventId) external view returns (bool) {
        EventRevenue memory r = processor.eventRevenue(eventId);
        (, uint256 eventEnd) = nft.organizerOf(eventId);
        return !r.cancelled && block.timestamp >= eventEnd && r.organizerShare > r.organizerWithdrawn;
    }

    function canWithdrawRoyalty(uint256 eventId) external view returns (bool) {
        EventRevenue memory r = processor.eventRevenue(eventId);
        return r.royaltyCredited > r.royaltyWithdrawn || nft.royaltyReceiver(eventId).balance > 1;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    function eventCount() external view returns (uint256) {
        return eventIds.length;
    }

    /// @notice Tokens of `eventId` that still exist (minted and not burned).
    function liveTokenCount(uint256 eventId) external view returns (uint256 count) {
        uint256[] storage tokens = _tokens[eventId];
        for (uint256 i = 0; i < tokens.length; ++i) {
            if (_exists(tokens[i])) count++;
        }
    }

    function mintedTokenCount(uint256 eventId) external view returns (uint256) {
        return _tokens[eventId].length;
    }

    function mintedToken(uint256 eventId, uint256 index) external view returns (uint256) {
        return _tokens[eventId][index];
    }

    /// @dev The first event, starting at a random one, for which the action is possible.
    function _pick(uint256 seed, function(uint256) external view returns (bool) eligible)
        internal
        view
        returns (bool, uint256)
    {
        for (uint256 i = 0; i < eventIds.length; ++i) {
            uint256 eventId = eventIds[(seed % eventIds.length + i) % eventIds.length];
            if (eligible(eventId)) return (true, eventId);
        }
        return (false, 0);
    }

    function _liveToken(uint256 eventId, uint256 seed)
        internal
        view
        returns (bool found, uint256 tokenId, address holder)
    {
        uint256[] storage tokens = _tokens[eventId];
        if (tokens.length == 0) return (false, 0, address(0));
        for (uint256 i = 0; i < tokens.length; ++i) {
            tokenId = tokens[(seed % tokens.length + i) % tokens.length];
            if (_exists(tokenId)) return (true, tokenId, nft.ownerOf(tokenId));
        }
        return (false, 0, address(0));
    }

    function _exists(uint256 tokenId) internal view returns (bool) {
        try nft.ownerOf(tokenId) returns (address) {
            return true;
        } catch {
            return false;
        }
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}
