// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventRoyaltySplitter} from "./interfaces/IEventRoyaltySplitter.sol";
import {IEventTicketNFT} from "./interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "./interfaces/IPaymentProcessor.sol";
import {Escrow, EventRevenue} from "./types/EventTypes.sol";
import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title PaymentProcessor
/// @notice Escrow, refunds, payouts and the royalty ledger of Echain. See {IPaymentProcessor}.
/// @dev A purchase writes no storage here: the ticket contract's `Sale` slot (sold count) together with its price
/// history is the sales ledger, and `grossSales(eventId)` derives what was paid. The escrow book below only changes
/// on registration, cancellation, refunds, settlement, royalties and withdrawals.
contract PaymentProcessor is IPaymentProcessor, Ownable2Step, ReentrancyGuardTransient {
    /// @inheritdoc IPaymentProcessor
    uint256 public constant MAX_PLATFORM_FEE_BPS = 1000;

    /// @notice Platform fee of newly registered events when the contract is deployed: 5%.
    uint256 public constant DEFAULT_PLATFORM_FEE_BPS = 500;

    uint256 private constant _BPS = 10_000;

    IEventTicketNFT private immutable _TICKET_NFT;

    // Share one slot.
    address private _treasury;
    uint16 private _feeBps;

    uint256 private _platformCredited;
    uint256 private _platformWithdrawn;

    mapping(uint256 eventId => Escrow) private _escrow;

    constructor(IEventTicketNFT ticketNft_, address treasury_, address initialOwner) Ownable(initialOwner) {
        if (address(ticketNft_) == address(0) || treasury_ == address(0)) revert PaymentProcessor_ZeroAddress();
        _TICKET_NFT = ticketNft_;
        _treasury = treasury_;
        _feeBps = uint16(DEFAULT_PLATFORM_FEE_BPS); // forge-lint: disable-line(unsafe-typecast)
        emit TreasurySet(address(0), treasury_);
        emit PlatformFeeSet(0, DEFAULT_PLATFORM_FEE_BPS);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Buyers and holders
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IPaymentProcessor
    function purchaseTickets(uint256 eventId, uint256 quantity)
        external
        payable
        nonReentrant
        returns (uint256 paymentId)
    {
        // Checks, Effects and Interactions happen in the ticket contract, which is the sales ledger: it checks pause,
        // sale window, cancellation, quantity, capacity and that `msg.value` is exactly price × quantity, records the
        // sale (its sold count and price history are what this escrow derives revenue from, so nothing is written
        // here), mints, and calls `onERC721Received` on contract buyers last. The reentrancy guard blocks re-entry.
        paymentId = _TICKET_NFT.mintTickets(msg.sender, eventId, quantity, msg.value);
        emit TicketsPurchased(paymentId, eventId, msg.sender, quantity, msg.value, paymentId);
    }

    /// @inheritdoc IPaymentProcessor
    function claimRefund(uint256 tokenId) external nonReentrant returns (uint256 amount) {
        // Checks and Effects
        amount = _refund(tokenId);
        // Interactions
        _sendValue(msg.sender, amount);
    }

    /// @inheritdoc IPaymentProcessor
    function claimRefunds(uint256[] calldata tokenIds) external nonReentrant returns (uint256 amount) {
        // Checks and Effects
        for (uint256 i = 0; i < tokenIds.length; ++i) {
            amount += _refund(tokenIds[i]);
        }
        // Interactions
        _sendValue(msg.sender, amount);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Event life cycle and payouts
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IPaymentProcessor
    function cancelEvent(uint256 eventId) external nonReentrant {
        // Checks
        Escrow storage escrow = _escrow[eventId];
        if (!escrow.registered) revert PaymentProcessor_EventNotFound(eventId);
        (address organizer, uint256 eventEnd) = _TICKET_NFT.organizerOf(eventId);
        if (!_TICKET_NFT.isOperator(msg.sender)) {
            if (msg.sender != organizer) revert PaymentProcessor_CallerNotOperatorOrOrganizer(msg.sender, eventId);
            if (block.timestamp >= eventEnd) revert PaymentProcessor_EventEnded(eventId, eventEnd);
        }
        if (escrow.cancelled) revert PaymentProcessor_EventIsCancelled(eventId);
        if (escrow.settled) revert PaymentProcessor_EventSettled(eventId);

        // Effects
        escrow.cancelled = true;
        // Our own ticket contract stops sales and updates; no callback.
        _TICKET_NFT.markCancelled(eventId);
        emit EventCancelled(eventId, msg.sender);
    }

    /// @inheritdoc IPaymentProcessor
    function settleEvent(uint256 eventId) external nonReentrant {
        _settle(eventId);
    }

    /// @inheritdoc IPaymentProcessor
    function withdrawRevenue(uint256 eventId) external nonReentrant returns (uint256 amount) {
        // Checks
        Escrow storage escrow = _escrow[eventId];
        if (!escrow.registered) revert PaymentProcessor_EventNotFound(eventId);
        (address organizer,) = _TICKET_NFT.organizerOf(eventId);
        if (msg.sender != organizer) revert PaymentProcessor_CallerNotOrganizer(msg.sender, eventId);
        if (!escrow.settled) _settle(eventId);
        amount = escrow.organizerCredited - escrow.organizerWithdrawn;
        if (amount == 0) revert PaymentProcessor_NothingToWithdraw();

        // Effects
        escrow.organizerWithdrawn = escrow.organizerCredited;
        emit OrganizerWithdrawn(eventId, organizer, amount);

        // Interactions
        _sendValue(organizer, amount);
    }

    /// @inheritdoc IPaymentProcessor
    function withdrawRoyalty(uint256 eventId) external nonReentrant returns (uint256 amount) {
        // Checks
        Escrow storage escrow = _escrow[eventId];
        if (!escrow.registered) revert PaymentProcessor_EventNotFound(eventId);
        (address organizer,) = _TICKET_NFT.organizerOf(eventId);
        if (msg.sender != organizer) revert PaymentProcessor_CallerNotOrganizer(msg.sender, eventId);
        // Our own splitter contract: it calls back `payRoyalty`, which only credits the ledger.
        _collect(eventId);
        amount = escrow.royaltyCredited - escrow.royaltyWithdrawn;
        if (amount == 0) revert PaymentProcessor_NothingToWithdraw();

        // Effects
        escrow.royaltyWithdrawn = escrow.royaltyCredited;
        emit RoyaltyWithdrawn(eventId, organizer, amount);

        // Interactions
        _sendValue(organizer, amount);
    }

    /// @inheritdoc IPaymentProcessor
    function withdrawPlatformFees() external nonReentrant returns (uint256 amount) {
        // Checks
        address treasury_ = _treasury;
        if (msg.sender != treasury_ && msg.sender != owner()) {
            revert PaymentProcessor_CallerNotTreasuryOrOwner(msg.sender);
        }
        amount = _platformCredited - _platformWithdrawn;
        if (amount == 0) revert PaymentProcessor_NothingToWithdraw();

        // Effects
        _platformWithdrawn = _platformCredited;
        emit PlatformFeesWithdrawn(treasury_, amount);

        // Interactions
        _sendValue(treasury_, amount);
    }

    /// @inheritdoc IPaymentProcessor
    /// @dev Not `nonReentrant`: `withdrawRoyalty` and `collectRoyalties` reach it through the splitter. It moves no
    /// money out and only adds what it received to the ledger.
    function payRoyalty(uint256 eventId) external payable {
        // Checks
        Escrow storage escrow = _escrow[eventId];
        if (!escrow.registered) revert PaymentProcessor_EventNotFound(eventId);
        if (msg.value == 0) revert PaymentProcessor_ZeroRoyalty();

        // Effects: half each; the organizer gets the odd wei.
        uint256 platformShare = msg.value / 2;
        uint256 organizerShare = msg.value - platformShare;
        escrow.royaltyCredited += SafeCast.toUint128(organizerShare);
        _platformCredited += platformShare;
        emit RoyaltyReceived(eventId, msg.sender, msg.value, organizerShare, platformShare);
    }

    /// @inheritdoc IPaymentProcessor
    function collectRoyalties(uint256 eventId) external nonReentrant returns (uint256 amount) {
        if (!_escrow[eventId].registered) revert PaymentProcessor_EventNotFound(eventId);
        amount = _collect(eventId);
    }

    /// @inheritdoc IPaymentProcessor
    function onEventRegistered(uint256 eventId) external returns (uint256 feeBps) {
        if (msg.sender != address(_TICKET_NFT)) revert PaymentProcessor_CallerNotTicketNFT(msg.sender);
        Escrow storage escrow = _escrow[eventId];
        if (escrow.registered) revert PaymentProcessor_EventAlreadyRegistered(eventId);
        feeBps = _feeBps;
        escrow.registered = true;
        // Fits in 16 bits: `_feeBps` is at most MAX_PLATFORM_FEE_BPS.
        // forge-lint: disable-next-line(unsafe-typecast)
        escrow.feeBps = uint16(feeBps);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Administration
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IPaymentProcessor
    function setPlatformFee(uint256 feeBps) external onlyOwner {
        if (feeBps > MAX_PLATFORM_FEE_BPS) revert PaymentProcessor_FeeTooHigh(feeBps, MAX_PLATFORM_FEE_BPS);
        emit PlatformFeeSet(_feeBps, feeBps);
        // Fits in 16 bits: at most MAX_PLATFORM_FEE_BPS.
        // forge-lint: disable-next-line(unsafe-typecast)
        _feeBps = uint16(feeBps);
    }

    /// @inheritdoc IPaymentProcessor
    function setTreasury(address treasury_) external onlyOwner {
        if (treasury_ == address(0)) revert PaymentProcessor_ZeroAddress();
        emit TreasurySet(_treasury, treasury_);
        _treasury = treasury_;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IPaymentProcessor
    function eventRevenue(uint256 eventId) public view returns (EventRevenue memory revenue) {
        Escrow memory escrow = _escrow[eventId];
        if (!escrow.registered) revert PaymentProcessor_EventNotFound(eventId);
        revenue.gross = _TICKET_NFT.grossSales(eventId);
        revenue.refunded = escrow.refunded;
        revenue.refundedCount = escrow.refundedCount;
        revenue.feeBps = escrow.feeBps;
        revenue.cancelled = escrow.cancelled;
        revenue.settled = escrow.settled;
        revenue.organizerWithdrawn = escrow.organizerWithdrawn;
        revenue.royaltyCredited = escrow.royaltyCredited;
        revenue.royaltyWithdrawn = escrow.royaltyWithdrawn;
        if (!escrow.cancelled) {
            (revenue.platformFee, revenue.organizerShare) = _split(revenue.gross, escrow.feeBps);
        }
        uint256 royaltyHeld = escrow.royaltyCredited - escrow.royaltyWithdrawn;
        if (escrow.cancelled) {
            revenue.held = revenue.gross - escrow.refunded + royaltyHeld;
        } else if (escrow.settled) {
            revenue.held = escrow.organizerCredited - escrow.organizerWithdrawn + royaltyHeld;
        } else {
            revenue.held = revenue.gross + royaltyHeld;
        }
    }

    /// @inheritdoc IPaymentProcessor
    function organizerRevenue(address organizer)
        external
        view
        returns (uint256 gross, uint256 refunded, uint256 withdrawn, uint256 withdrawable)
    {
        uint256[] memory eventIds = _TICKET_NFT.eventsOf(organizer);
        for (uint256 i = 0; i < eventIds.length; ++i) {
            uint256 eventId = eventIds[i];
            EventRevenue memory revenue = eventRevenue(eventId);
            gross += revenue.gross;
            refunded += revenue.refunded;
            withdrawn += revenue.organizerWithdrawn + revenue.royaltyWithdrawn;
            withdrawable += revenue.royaltyCredited - revenue.royaltyWithdrawn;
            if (!revenue.cancelled) {
                (, uint256 eventEnd) = _TICKET_NFT.organizerOf(eventId);
                if (block.timestamp >= eventEnd) withdrawable += revenue.organizerShare - revenue.organizerWithdrawn;
            }
        }
    }

    /// @inheritdoc IPaymentProcessor
    function platformBalance() external view returns (uint256) {
        return _platformCredited - _platformWithdrawn;
    }

    /// @inheritdoc IPaymentProcessor
    function platformTotals() external view returns (uint256 credited, uint256 withdrawn) {
        return (_platformCredited, _platformWithdrawn);
    }

    /// @inheritdoc IPaymentProcessor
    function platformFeeBps() external view returns (uint256) {
        return _feeBps;
    }

    /// @inheritdoc IPaymentProcessor
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc IPaymentProcessor
    function ticketNft() external view returns (IEventTicketNFT) {
        return _TICKET_NFT;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Internal
    // ---------------------------------------------------------------------------------------------------------------

    /// @dev Checks that the caller holds `tokenId` of a cancelled event, books the refund and burns the ticket.
    /// The caller pays out afterwards.
    function _refund(uint256 tokenId) private returns (uint256 amount) {
        // Checks
        (address holder, uint256 eventId, uint256 paid) = _TICKET_NFT.ticketInfo(tokenId);
        if (holder != msg.sender) revert PaymentProcessor_CallerNotHolder(msg.sender, tokenId);
        Escrow storage escrow = _escrow[eventId];
        if (!escrow.cancelled) revert PaymentProcessor_EventNotCancelled(eventId);

        // Effects
        amount = paid;
        escrow.refunded += SafeCast.toUint128(amount);
        escrow.refundedCount += 1;
        // Our own ticket contract; burning calls no receiver hook.
        _TICKET_NFT.burnTicket(tokenId);
        emit TicketRefunded(tokenId, eventId, msg.sender, amount);
    }

    /// @dev Splits the revenue of an ended, not cancelled, not yet settled event.
    function _settle(uint256 eventId) private {
        // Checks
        Escrow storage escrow = _escrow[eventId];
        if (!escrow.registered) revert PaymentProcessor_EventNotFound(eventId);
        if (escrow.cancelled) revert PaymentProcessor_EventIsCancelled(eventId);
        if (escrow.settled) revert PaymentProcessor_EventSettled(eventId);
        (, uint256 eventEnd) = _TICKET_NFT.organizerOf(eventId);
        if (block.timestamp < eventEnd) revert PaymentProcessor_EventNotEnded(eventId, eventEnd);

        // Effects
        uint256 gross = _TICKET_NFT.grossSales(eventId);
        (uint256 fee, uint256 organizerShare) = _split(gross, escrow.feeBps);
        escrow.settled = true;
        escrow.organizerCredited = SafeCast.toUint128(organizerShare);
        _platformCredited += fee;
        emit EventSettled(eventId, gross, organizerShare, fee);
    }

    /// @dev Moves the ETH waiting in the event's splitter into the ledger (via `payRoyalty`).
    function _collect(uint256 eventId) private returns (uint256 amount) {
        address splitter = _TICKET_NFT.royaltyReceiver(eventId);
        if (splitter.balance != 0) amount = IEventRoyaltySplitter(splitter).forward();
    }

    function _split(uint256 gross, uint256 feeBps) private pure returns (uint256 fee, uint256 organizerShare) {
        fee = gross * feeBps / _BPS;
        organizerShare = gross - fee;
    }

    function _sendValue(address to, uint256 amount) private {
        if (amount == 0) return;
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert PaymentProcessor_TransferFailed(to, amount);
    }
}
