// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventView} from "../types/EventTypes.sol";

/// @title EventTicketNFT
/// @notice One ERC-721 contract for the tickets of every Echain event. Each token records its event in ERC721A's
/// packed ownership slot, so a purchase writes no per-token string, royalty or event id. The contract is also the
/// sales ledger of every event (price, capacity, sold, sale window, price history); only the PaymentProcessor (the
/// minter) records sales, burns refunded tickets and marks events cancelled.
/// @dev Roles: owner (two-step transfer, meant to be a Safe), operators (the backend's key: register, update),
/// pausers (stop and resume sales), the minter (the PaymentProcessor, set once), an event's organizer (update its
/// own event before it ends).
interface IEventTicketNFT {
    // ---------------------------------------------------------------------------------------------------------------
    // Events
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice An event was registered and can be sold from `saleStart`.
    /// @param royaltyReceiver The event's royalty splitter (ERC-2981 receiver of its tickets).
    /// @param platformFeeBps The platform fee on its ticket revenue, fixed for this event.
    event EventRegistered(
        uint256 indexed eventId,
        address indexed organizer,
        uint256 price,
        uint256 capacity,
        uint256 saleStart,
        uint256 saleEnd,
        uint256 eventEnd,
        bool transferLocked,
        address royaltyReceiver,
        uint256 platformFeeBps
    );

    /// @notice Price, capacity or sale window of an event changed. Tickets sold earlier keep their price.
    /// @param by The operator or organizer who made the change.
    event EventUpdated(
        uint256 indexed eventId, uint256 price, uint256 capacity, uint256 saleStart, uint256 saleEnd, address indexed by
    );

    /// @notice The minter (PaymentProcessor) marked an event cancelled; the processor emits the matching
    /// `EventCancelled` with the account that cancelled it.
    event EventSalesClosed(uint256 indexed eventId);

    /// @notice `account` got (`enabled`) or lost the operator role.
    event OperatorSet(address indexed account, bool enabled);

    /// @notice `account` got (`enabled`) or lost the pauser role.
    event PauserSet(address indexed account, bool enabled);

    /// @notice The minter was set (once).
    event MinterSet(address indexed minter);

    /// @notice Sales were stopped (`paused`) or resumed by `account`.
    event SalesPausedSet(bool paused, address indexed account);

    /// @notice The largest number of tickets one purchase may mint changed.
    event MaxTicketsPerPurchaseSet(uint256 maxTicketsPerPurchase);

    /// @notice The base of every token URI changed (`tokenURI = baseURI + tokenId`).
    event BaseURISet(string baseURI);

    /// @notice ERC-4906: the metadata of tokens `fromTokenId..toTokenId` changed (emitted with `BaseURISet`).
    event BatchMetadataUpdate(uint256 fromTokenId, uint256 toTokenId);

    /// @notice ETH sent to this contract by mistake was sent to `to`.
    event EtherRescued(address indexed to, uint256 amount);

    // ---------------------------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------------------------

    error EventTicketNFT_CallerNotOwnerOrOperator(address caller);
    error EventTicketNFT_CallerNotOperatorOrOrganizer(address caller, uint256 eventId);
    error EventTicketNFT_CallerNotPauser(address caller);
    error EventTicketNFT_CallerNotMinter(address caller);
    error EventTicketNFT_InvalidEventId(uint256 eventId);
    error EventTicketNFT_EventAlreadyRegistered(uint256 eventId);
    error EventTicketNFT_EventNotFound(uint256 eventId);
    error EventTicketNFT_EventIsCancelled(uint256 eventId);
    error EventTicketNFT_EventEnded(uint256 eventId, uint256 eventEnd);
    error EventTicketNFT_InvalidOrganizer();
    error EventTicketNFT_InvalidCapacity(uint256 capacity, uint256 sold);
    error EventTicketNFT_InvalidSchedule(uint256 saleStart, uint256 saleEnd, uint256 eventEnd);
    error EventTicketNFT_SalesPaused();
    error EventTicketNFT_SaleNotOpen(uint256 eventId, uint256 saleStart, uint256 saleEnd);
    error EventTicketNFT_InvalidQuantity(uint256 quantity, uint256 maxTicketsPerPurchase);
    error EventTicketNFT_ExceedsCapacity(uint256 eventId, uint256 quantity, uint256 remaining);
    error EventTicketNFT_Underpayment(uint256 expected, uint256 paid);
    error EventTicketNFT_Overpayment(uint256 expected, uint256 paid);
    error EventTicketNFT_TransferLocked(uint256 eventId, uint256 unlocksAt);
    error EventTicketNFT_MinterAlreadySet(address minter);
    error EventTicketNFT_MinterNotSet();
    error EventTicketNFT_ZeroAddress();
    error EventTicketNFT_InvalidMaxTicketsPerPurchase(uint256 value);
    error EventTicketNFT_RescueFailed(address to, uint256 amount);

    // ---------------------------------------------------------------------------------------------------------------
    // Event management
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice Registers an event so its tickets can be sold. Callable by an operator or the owner.
    /// @dev Deploys the event's royalty splitter and asks the minter to fix the platform fee for the event, so the
    /// minter must be set. Reverts if `eventId` is 0, does not fit in 24 bits or was registered before; if
    /// `organizer` is zero; if `capacity` is zero; unless `saleStart < saleEnd <= eventEnd` and `eventEnd` is in the
    /// future.
    /// @param eventId Id chosen by the caller (the backend maps its own ids to these), 1 to 16,777,215.
    /// @param organizer Receives the revenue and half of the royalties; may update and cancel the event.
    /// @param price Price of one ticket in wei (0 for free tickets).
    /// @param capacity Maximum number of tickets.
    /// @param saleStart First second tickets can be bought.
    /// @param saleEnd Sales close at this second.
    /// @param eventEnd The event is over at this second: revenue becomes releasable, locked tickets transferable.
    /// @param transferLocked Whether tickets are non-transferable until `eventEnd`.
    function registerEvent(
        uint256 eventId,
        address organizer,
        uint96 price,
        uint32 capacity,
        uint40 saleStart,
        uint40 saleEnd,
        uint40 eventEnd,
        bool transferLocked
    ) external;

    /// @notice Changes price, capacity and sale window of an event. Callable by an operator or the event's
    /// organizer before the event ends and unless it was cancelled.
    /// @dev Tickets already sold keep the price they were sold at (for refunds). Reverts if `capacity` is below the
    /// tickets sold or zero, or unless `saleStart < saleEnd <= eventEnd`.
    function updateEvent(uint256 eventId, uint96 price, uint32 capacity, uint40 saleStart, uint40 saleEnd) external;

    // ---------------------------------------------------------------------------------------------------------------
    // Minter (PaymentProcessor) only
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice Records a sale of `quantity` tickets of `eventId`, paid with `paid` wei, and mints them to `to`.
    /// @dev Minter only. This contract is the sales ledger, so it checks the sale: reverts when sales are paused, the
    /// event is unknown or cancelled, the sale window is not open, `quantity` is 0 or above
    /// `maxTicketsPerPurchase`, capacity would be exceeded, or `paid` is not exactly price × quantity. Calls
    /// `onERC721Received` on contract receivers, after every state change.
    /// @return firstTokenId Tokens `firstTokenId .. firstTokenId + quantity - 1` were minted.
    function mintTickets(address to, uint256 eventId, uint256 quantity, uint256 paid)
        external
        returns (uint256 firstTokenId);

    /// @notice Burns a refunded ticket. Minter only; the minter checks the holder.
    function burnTicket(uint256 tokenId) external;

    /// @notice Marks an event cancelled: no more sales or updates. Minter only.
    function markCancelled(uint256 eventId) external;

    // ---------------------------------------------------------------------------------------------------------------
    // Administration
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice Grants or revokes the operator role. Owner only.
    function setOperator(address account, bool enabled) external;

    /// @notice Grants or revokes the pauser role. Owner only.
    function setPauser(address account, bool enabled) external;

    /// @notice Sets the minter, the only account that records sales. Owner only, once: the minter holds the escrow
    /// of every sale, so it can never be swapped under existing tickets.
    function setMinter(address minter) external;

    /// @notice Stops all ticket sales. Pauser only. Refunds, withdrawals and transfers keep working.
    function pause() external;

    /// @notice Resumes ticket sales. Pauser only.
    function unpause() external;

    /// @notice Sets the largest number of tickets one purchase may mint (1 to 100). Owner only.
    function setMaxTicketsPerPurchase(uint256 maxTicketsPerPurchase) external;

    /// @notice Sets the base of every token URI. Owner only.
    function setBaseURI(string calldata baseURI) external;

    /// @notice Sends all ETH this contract holds to `to`. The contract never holds ETH legitimately (ERC721A's
    /// transfer and approve functions are payable, so ETH can arrive by mistake). Owner only.
    function rescueEther(address payable to) external;

    // ---------------------------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice Everything known about an event. Reverts with `EventTicketNFT_EventNotFound` if it is not registered.
    function getEvent(uint256 eventId) external view returns (EventView memory);

    /// @notice Unit price of an event's tickets and the per-purchase limit, for the PaymentProcessor.
    /// @dev Reverts with `EventTicketNFT_EventNotFound` if the event is not registered.
    function saleTerms(uint256 eventId) external view returns (uint256 price, uint256 maxTicketsPerPurchase);

    /// @notice Holder, event and price paid of a ticket. Reverts for a nonexistent or burned token.
    function ticketInfo(uint256 tokenId) external view returns (address holder, uint256 eventId, uint256 pricePaid);

    /// @notice The event a ticket belongs to. Reverts for a nonexistent or burned token.
    function eventOf(uint256 tokenId) external view returns (uint256 eventId);

    /// @notice The price that was paid for `tokenId`. Reverts for a nonexistent or burned token.
    function pricePaid(uint256 tokenId) external view returns (uint256);

    /// @notice Sum paid for every ticket of `eventId` ever sold (refunded ones included).
    function grossSales(uint256 eventId) external view returns (uint256);

    /// @notice Ids of the events `organizer` organizes, in registration order.
    function eventsOf(address organizer) external view returns (uint256[] memory);

    /// @notice The organizer of an event (zero if not registered) and when it ends.
    function organizerOf(uint256 eventId) external view returns (address organizer, uint256 eventEnd);

    /// @notice The royalty splitter of an event: the ERC-2981 receiver of its tickets (a deterministic address).
    function royaltyReceiver(uint256 eventId) external view returns (address);

    /// @notice Whether `account` has the operator role.
    function isOperator(address account) external view returns (bool);

    /// @notice Whether `account` has the pauser role.
    function isPauser(address account) external view returns (bool);

    /// @notice The minter (PaymentProcessor), zero until set.
    function minter() external view returns (address);

    /// @notice Whether ticket sales are paused.
    function paused() external view returns (bool);

    /// @notice The largest number of tickets one purchase may mint.
    function maxTicketsPerPurchase() external view returns (uint256);

    /// @notice The id the next minted ticket will get.
    function nextTokenId() external view returns (uint256);

    /// @notice The base of every token URI.
    function baseURI() external view returns (string memory);

    /// @notice Royalty on resales in basis points (1,000 = 10%: 5% platform, 5% organizer).
    function ROYALTY_BPS() external view returns (uint256);

    /// @notice Largest event id (ids must fit in the 24 bits of ERC721A's extra data).
    function MAX_EVENT_ID() external view returns (uint256);
}
