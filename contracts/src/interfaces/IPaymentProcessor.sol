// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventRevenue} from "../types/EventTypes.sol";
import {IEventTicketNFT} from "./IEventTicketNFT.sol";

/// @title PaymentProcessor
/// @notice Takes exact payment for tickets, has the EventTicketNFT mint them, and keeps the money in escrow per
/// event. After an event has ended its revenue is split (fee fixed at registration, default 5%) and both the
/// organizer and the platform treasury pull their share. If an event is cancelled, each ticket's current holder pulls
/// a refund of exactly what was paid for that ticket, and the ticket is burned. It is also the royalty ledger: every
/// event's royalty splitter forwards resale royalties here, half for the organizer and half for the platform.
/// @dev Pull payments only, ETH is sent with `call`, every function that moves money or mints is `nonReentrant`.
interface IPaymentProcessor {
    // ---------------------------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice `buyer` paid `amount` for tokens `firstTokenId .. firstTokenId + quantity - 1` of `eventId`.
    /// @param paymentId Unique id of this payment: equal to `firstTokenId`, since token ids are never reused.
    event TicketsPurchased(
        uint256 indexed paymentId,
        uint256 indexed eventId,
        address indexed buyer,
        uint256 quantity,
        uint256 amount,
        uint256 firstTokenId
    );

    /// @notice An event was cancelled by `by` (an operator, or its organizer before it ended).
    event EventCancelled(uint256 indexed eventId, address indexed by);

    /// @notice `holder` got `amount` back for `tokenId` of a cancelled event; the ticket was burned.
    event TicketRefunded(uint256 indexed tokenId, uint256 indexed eventId, address indexed holder, uint256 amount);

    /// @notice The ticket revenue of an ended event was split between its organizer and the platform.
    event EventSettled(uint256 indexed eventId, uint256 gross, uint256 organizerShare, uint256 platformFee);

    /// @notice The organizer of `eventId` withdrew `amount` of ticket revenue.
    event OrganizerWithdrawn(uint256 indexed eventId, address indexed organizer, uint256 amount);

    /// @notice `amount` of platform fees and royalties was sent to `treasury`.
    event PlatformFeesWithdrawn(address indexed treasury, uint256 amount);

    /// @notice A royalty of `amount` for `eventId` arrived from `from` (normally the event's splitter).
    event RoyaltyReceived(
        uint256 indexed eventId, address indexed from, uint256 amount, uint256 organizerShare, uint256 platformShare
    );

    /// @notice The organizer of `eventId` withdrew `amount` of royalties.
    event RoyaltyWithdrawn(uint256 indexed eventId, address indexed organizer, uint256 amount);

    /// @notice The platform fee for events registered from now on changed.
    event PlatformFeeSet(uint256 oldFeeBps, uint256 newFeeBps);

    /// @notice The platform treasury changed.
    event TreasurySet(address indexed oldTreasury, address indexed newTreasury);

    // ---------------------------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------------------------

    // Sale errors of the ticket contract that `purchaseTickets` passes through unchanged. They are declared here as well
    // (same names and selectors) so that clients decode every purchase error with this contract's ABI alone.
    error EventTicketNFT_SalesPaused();
    error EventTicketNFT_EventNotFound(uint256 eventId);
    error EventTicketNFT_EventIsCancelled(uint256 eventId);
    error EventTicketNFT_SaleNotOpen(uint256 eventId, uint256 saleStart, uint256 saleEnd);
    error EventTicketNFT_InvalidQuantity(uint256 quantity, uint256 maxTicketsPerPurchase);
    error EventTicketNFT_ExceedsCapacity(uint256 eventId, uint256 quantity, uint256 remaining);
    error EventTicketNFT_Underpayment(uint256 expected, uint256 paid);
    error EventTicketNFT_Overpayment(uint256 expected, uint256 paid);

    error PaymentProcessor_CallerNotTicketNFT(address caller);
    error PaymentProcessor_CallerNotOrganizer(address caller, uint256 eventId);
    error PaymentProcessor_CallerNotOperatorOrOrganizer(address caller, uint256 eventId);
    error PaymentProcessor_CallerNotTreasuryOrOwner(address caller);
    error PaymentProcessor_CallerNotHolder(address caller, uint256 tokenId);
    error PaymentProcessor_EventNotFound(uint256 eventId);
    error PaymentProcessor_EventAlreadyRegistered(uint256 eventId);
    error PaymentProcessor_EventIsCancelled(uint256 eventId);
    error PaymentProcessor_EventNotCancelled(uint256 eventId);
    error PaymentProcessor_EventNotEnded(uint256 eventId, uint256 eventEnd);
    error PaymentProcessor_EventEnded(uint256 eventId, uint256 eventEnd);
    error PaymentProcessor_EventSettled(uint256 eventId);
    error PaymentProcessor_NothingToWithdraw();
    error PaymentProcessor_FeeTooHigh(uint256 feeBps, uint256 maxFeeBps);
    error PaymentProcessor_ZeroAddress();
    error PaymentProcessor_ZeroRoyalty();
    error PaymentProcessor_TransferFailed(address to, uint256 amount);

    // ---------------------------------------------------------------------------------------------------------------
    // Buyers and holders
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice Buys `quantity` tickets of `eventId` for the caller, who must send exactly price × quantity.
    /// @dev The ticket contract is the sales ledger and checks the sale, so a purchase reverts with its errors:
    /// `EventTicketNFT_Underpayment`/`_Overpayment` on a wrong amount, `_InvalidQuantity` for 0 or more than
    /// `maxTicketsPerPurchase`, `_EventNotFound`, `_EventIsCancelled`, `_SaleNotOpen`, `_ExceedsCapacity`,
    /// `_SalesPaused` (re-declared above, so this ABI decodes them). Contract buyers must implement
    /// `onERC721Received`.
    /// @return paymentId The payment's unique id, equal to the first minted token id.
    function purchaseTickets(uint256 eventId, uint256 quantity) external payable returns (uint256 paymentId);

    /// @notice Refunds a ticket of a cancelled event to its current holder (the caller) and burns it.
    /// @return amount Exactly what was paid for this ticket.
    function claimRefund(uint256 tokenId) external returns (uint256 amount);

    /// @notice `claimRefund` for several tickets of the caller in one transaction, paid in one transfer.
    /// @return amount The sum refunded.
    function claimRefunds(uint256[] calldata tokenIds) external returns (uint256 amount);

    // ---------------------------------------------------------------------------------------------------------------
    // Event life cycle and payouts
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice Cancels an event: sales stop and every ticket becomes refundable. Callable by an operator (as long as
    /// the event's revenue was not settled) or by the event's organizer before the event ends.
    function cancelEvent(uint256 eventId) external;

    /// @notice Splits the revenue of an ended, not cancelled event into the organizer's share and the platform fee.
    /// Callable by anyone; idempotent callers get `PaymentProcessor_EventSettled`.
    function settleEvent(uint256 eventId) external;

    /// @notice Pays the organizer (the caller) its share of an ended event's ticket revenue, settling it first if
    /// needed.
    /// @return amount What was paid.
    function withdrawRevenue(uint256 eventId) external returns (uint256 amount);

    /// @notice Collects the royalties waiting in the event's splitter and pays the organizer (the caller) its half.
    /// @return amount What was paid.
    function withdrawRoyalty(uint256 eventId) external returns (uint256 amount);

    /// @notice Pays all platform fees and the platform's half of royalties credited so far to the treasury.
    /// Callable by the treasury or the owner.
    /// @return amount What was paid.
    function withdrawPlatformFees() external returns (uint256 amount);

    /// @notice Credits a resale royalty for `eventId`: half to its organizer, half to the platform. Normally called
    /// by the event's royalty splitter; anyone may pay a royalty directly.
    function payRoyalty(uint256 eventId) external payable;

    /// @notice Moves the royalties waiting in an event's splitter into this ledger. Callable by anyone.
    /// @return amount What was collected.
    function collectRoyalties(uint256 eventId) external returns (uint256 amount);

    /// @notice Fixes the platform fee of a newly registered event. Ticket NFT only.
    /// @return feeBps The fee that applies to this event.
    function onEventRegistered(uint256 eventId) external returns (uint256 feeBps);

    // ---------------------------------------------------------------------------------------------------------------
    // Administration
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice Sets the platform fee for events registered from now on (at most `MAX_PLATFORM_FEE_BPS`). Events
    /// already registered keep their fee, so money already paid is never split differently. Owner only.
    function setPlatformFee(uint256 feeBps) external;

    /// @notice Sets the address platform fees are paid to. Owner only.
    function setTreasury(address treasury) external;

    // ---------------------------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice Revenue and escrow of one event.
    function eventRevenue(uint256 eventId) external view returns (EventRevenue memory);

    /// @notice Totals over all events of `organizer` (`IEventTicketNFT.eventsOf`). Iterates every event: meant for
    /// `eth_call`, not for other contracts.
    /// @return gross Ticket sales of all its events at the prices paid, cancelled events included.
    /// @return refunded What holders of its cancelled events have claimed back so far.
    /// @return withdrawn What the organizer has withdrawn: ticket revenue and royalties.
    /// @return withdrawable What it can withdraw now: its share after fees of ended, not cancelled events and the
    /// royalties credited to it, less what it already withdrew.
    function organizerRevenue(address organizer)
        external
        view
        returns (uint256 gross, uint256 refunded, uint256 withdrawn, uint256 withdrawable);

    /// @notice Platform fees and royalty halves credited and not yet withdrawn.
    function platformBalance() external view returns (uint256);

    /// @notice Platform fees and royalty halves credited since deployment, and what of it was withdrawn.
    function platformTotals() external view returns (uint256 credited, uint256 withdrawn);

    /// @notice The platform fee, in basis points, that events registered now get.
    function platformFeeBps() external view returns (uint256);

    /// @notice Where platform fees are paid.
    function treasury() external view returns (address);

    /// @notice The ticket contract.
    function ticketNft() external view returns (IEventTicketNFT);

    /// @notice Hard cap of the platform fee: 1,000 basis points (10%).
    function MAX_PLATFORM_FEE_BPS() external view returns (uint256);
}
