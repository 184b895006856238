// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {EventRoyaltySplitter} from "./EventRoyaltySplitter.sol";
import {IERC6454} from "./interfaces/IERC6454.sol";
import {IEventTicketNFT} from "./interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "./interfaces/IPaymentProcessor.sol";
import {PriceHistory} from "./libraries/PriceHistory.sol";
import {EventInfo, EventView, MintConfig, PricePoint, PriceSegment, Sale} from "./types/EventTypes.sol";
import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ERC721A} from "erc721a/contracts/ERC721A.sol";

/// @title EventTicketNFT
/// @notice ERC-721 tickets for every Echain event (ERC721A), with ERC-2981 royalties paid to a per-event splitter and
/// an ERC-6454 transfer lock per event until the event ends.
/// @dev The event id of a token lives in the 24 bits of extra data of ERC721A's packed ownership slot, so a purchase
/// of N tickets writes one ownership slot, the buyer's balance slot, the token counter and the event's `Sale` slot.
contract EventTicketNFT is IEventTicketNFT, IERC6454, IERC2981, ERC721A, Ownable2Step {
    /// @inheritdoc IEventTicketNFT
    uint256 public constant ROYALTY_BPS = 1000;

    /// @inheritdoc IEventTicketNFT
    uint256 public constant MAX_EVENT_ID = type(uint24).max;

    /// @notice Upper bound for `maxTicketsPerPurchase`.
    uint256 public constant MAX_TICKETS_PER_PURCHASE_LIMIT = 100;

    uint256 private constant _BPS = 10_000;

    /// @dev Minter, pause flag and per-purchase limit share one slot, read once per purchase.
    MintConfig private _mintConfig;

    string private _baseTokenURI;

    mapping(address account => bool) private _operators;
    mapping(address account => bool) private _pausers;

    mapping(uint256 eventId => Sale) private _sales;
    mapping(uint256 eventId => EventInfo) private _events;
    mapping(uint256 eventId => PriceSegment) private _segments;
    mapping(uint256 eventId => PricePoint[]) private _priceHistory;
    mapping(address organizer => uint256[]) private _eventsByOrganizer;

    /// @dev The event id stamped into the extra data of tokens being minted (only read during `_mint`).
    uint24 private transient _mintingEventId;

    constructor(string memory name_, string memory symbol_, string memory baseURI_, address initialOwner)
        ERC721A(name_, symbol_)
        Ownable(initialOwner)
    {
        _baseTokenURI = baseURI_;
        _mintConfig.maxTicketsPerPurchase = 10;
        emit BaseURISet(baseURI_);
        emit MaxTicketsPerPurchaseSet(10);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Modifiers
    // ---------------------------------------------------------------------------------------------------------------

    modifier onlyMinter() {
        if (msg.sender != _mintConfig.minter) revert EventTicketNFT_CallerNotMinter(msg.sender);
        _;
    }

    modifier onlyPauser() {
        if (!_pausers[msg.sender]) revert EventTicketNFT_CallerNotPauser(msg.sender);
        _;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Event management
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IEventTicketNFT
    function registerEvent(
        uint256 eventId,
        address organizer,
        uint96 price,
        uint32 capacity,
        uint40 saleStart,
        uint40 saleEnd,
        uint40 eventEnd,
        bool transferLocked
    ) external {
        // Checks
        if (!_operators[msg.sender] && msg.sender != owner()) {
            revert EventTicketNFT_CallerNotOwnerOrOperator(msg.sender);
        }
        if (eventId == 0 || eventId > MAX_EVENT_ID) revert EventTicketNFT_InvalidEventId(eventId);
        if (_sales[eventId].saleEnd != 0) revert EventTicketNFT_EventAlreadyRegistered(eventId);
        if (organizer == address(0)) revert EventTicketNFT_InvalidOrganizer();
        if (capacity == 0) revert EventTicketNFT_InvalidCapacity(capacity, 0);
        if (saleStart >= saleEnd || saleEnd > eventEnd || eventEnd <= block.timestamp) {
            revert EventTicketNFT_InvalidSchedule(saleStart, saleEnd, eventEnd);
        }
        address processor = _mintConfig.minter;
        if (processor == address(0)) revert EventTicketNFT_MinterNotSet();

        // Effects
        _sales[eventId] =
            Sale({price: price, capacity: capacity, sold: 0, saleStart: saleStart, saleEnd: saleEnd, cancelled: false});
        _events[eventId] = EventInfo({organizer: organizer, eventEnd: eventEnd, transferLocked: transferLocked});
        _segments[eventId].startTokenId = SafeCast.toUint64(_nextTokenId());
        _eventsByOrganizer[organizer].push(eventId);

        // Interactions: both are our own contracts. The splitter is deployed at a deterministic address (salt = event
        // id); the processor fixes the platform fee of this event.
        address splitter = address(new EventRoyaltySplitter{salt: bytes32(eventId)}(eventId));
        uint256 feeBps = IPaymentProcessor(processor).onEventRegistered(eventId);

        emit EventRegistered(
            eventId, organizer, price, capacity, saleStart, saleEnd, eventEnd, transferLocked, splitter, feeBps
        );
    }

    /// @inheritdoc IEventTicketNFT
    function updateEvent(uint256 eventId, uint96 price, uint32 capacity, uint40 saleStart, uint40 saleEnd) external {
        // Checks
        Sale memory sale = _sales[eventId];
        if (sale.saleEnd == 0) revert EventTicketNFT_EventNotFound(eventId);
        EventInfo memory info = _events[eventId];
        if (!_operators[msg.sender] && msg.sender != info.organizer) {
            revert EventTicketNFT_CallerNotOperatorOrOrganizer(msg.sender, eventId);
        }
        if (sale.cancelled) revert EventTicketNFT_EventIsCancelled(eventId);
        if (block.timestamp >= info.eventEnd) revert EventTicketNFT_EventEnded(eventId, info.eventEnd);
        if (capacity == 0 || capacity < sale.sold) revert EventTicketNFT_InvalidCapacity(capacity, sale.sold);
        if (saleStart >= saleEnd || saleEnd > info.eventEnd) {
            revert EventTicketNFT_InvalidSchedule(saleStart, saleEnd, info.eventEnd);
        }

        // Effects
        if (price != sale.price) {
            // Tickets sold so far keep their price (for refunds and revenue).
            PriceSegment memory segment = _segments[eventId];
            if (PriceHistory.needsNewSegment(segment, sale.sold)) {
                PriceHistory.closeSegment(
                    _priceHistory[eventId], _segments[eventId], segment, sale.price, sale.sold, _nextTokenId()
                );
            }
        }
        _sales[eventId] = Sale({
            price: price, capacity: capacity, sold: sale.sold, saleStart: saleStart, saleEnd: saleEnd, cancelled: false
        });
        emit EventUpdated(eventId, price, capacity, saleStart, saleEnd, msg.sender);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Minter only
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IEventTicketNFT
    function mintTickets(address to, uint256 eventId, uint256 quantity, uint256 paid)
        external
        returns (uint256 firstTokenId)
    {
        // Checks
        MintConfig memory config = _mintConfig;
        if (msg.sender != config.minter) revert EventTicketNFT_CallerNotMinter(msg.sender);
        if (config.paused) revert EventTicketNFT_SalesPaused();
        if (quantity == 0 || quantity > config.maxTicketsPerPurchase) {
            revert EventTicketNFT_InvalidQuantity(quantity, config.maxTicketsPerPurchase);
        }
        Sale memory sale = _sales[eventId];
        if (sale.saleEnd == 0) revert EventTicketNFT_EventNotFound(eventId);
        if (sale.cancelled) revert EventTicketNFT_EventIsCancelled(eventId);
        if (block.timestamp < sale.saleStart || block.timestamp >= sale.saleEnd) {
            revert EventTicketNFT_SaleNotOpen(eventId, sale.saleStart, sale.saleEnd);
        }
        uint256 sold;
        // Cannot overflow: `sale.sold` has 32 bits and `quantity` is at most `maxTicketsPerPurchase` (16 bits).
        unchecked {
            sold = sale.sold + quantity;
        }
        if (sold > sale.capacity) revert EventTicketNFT_ExceedsCapacity(eventId, quantity, sale.capacity - sale.sold);
        uint256 expected;
        // Cannot overflow: `sale.price` has 96 bits and `quantity` at most 16 bits.
        unchecked {
            expected = sale.price * quantity;
        }
        if (paid < expected) revert EventTicketNFT_Underpayment(expected, paid);
        if (paid > expected) revert EventTicketNFT_Overpayment(expected, paid);

        // Effects
        // Fits in 32 bits: at most `capacity`, a uint32.
        // forge-lint: disable-next-line(unsafe-typecast)
        _sales[eventId].sold = uint32(sold);
        firstTokenId = _nextTokenId();
        // Fits in 24 bits: registered event ids are at most MAX_EVENT_ID (an unregistered id reverted above).
        // forge-lint: disable-next-line(unsafe-typecast)
        _mintingEventId = uint24(eventId);
        // Interactions: `onERC721Received` on contract receivers, after all state changes.
        _safeMint(to, quantity);
    }

    /// @inheritdoc IEventTicketNFT
    function burnTicket(uint256 tokenId) external onlyMinter {
        _burn(tokenId);
    }

    /// @inheritdoc IEventTicketNFT
    function markCancelled(uint256 eventId) external onlyMinter {
        Sale storage sale = _sales[eventId];
        if (sale.saleEnd == 0) revert EventTicketNFT_EventNotFound(eventId);
        if (sale.cancelled) revert EventTicketNFT_EventIsCancelled(eventId);
        sale.cancelled = true;
        emit EventSalesClosed(eventId);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Administration
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IEventTicketNFT
    function setOperator(address account, bool enabled) external onlyOwner {
        if (account == address(0)) revert EventTicketNFT_ZeroAddress();
        _operators[account] = enabled;
        emit OperatorSet(account, enabled);
    }

    /// @inheritdoc IEventTicketNFT
    function setPauser(address account, bool enabled) external onlyOwner {
        if (account == address(0)) revert EventTicketNFT_ZeroAddress();
        _pausers[account] = enabled;
        emit PauserSet(account, enabled);
    }

    /// @inheritdoc IEventTicketNFT
    function setMinter(address minter_) external onlyOwner {
        if (minter_ == address(0)) revert EventTicketNFT_ZeroAddress();
        address current = _mintConfig.minter;
        if (current != address(0)) revert EventTicketNFT_MinterAlreadySet(current);
        _mintConfig.minter = minter_;
        emit MinterSet(minter_);
    }

    /// @inheritdoc IEventTicketNFT
    function pause() external onlyPauser {
        _mintConfig.paused = true;
        emit SalesPausedSet(true, msg.sender);
    }

    /// @inheritdoc IEventTicketNFT
    function unpause() external onlyPauser {
        _mintConfig.paused = false;
        emit SalesPausedSet(false, msg.sender);
    }

    /// @inheritdoc IEventTicketNFT
    function setMaxTicketsPerPurchase(uint256 value) external onlyOwner {
        if (value == 0 || value > MAX_TICKETS_PER_PURCHASE_LIMIT) {
            revert EventTicketNFT_InvalidMaxTicketsPerPurchase(value);
        }
        // Fits in 16 bits: at most MAX_TICKETS_PER_PURCHASE_LIMIT.
        // forge-lint: disable-next-line(unsafe-typecast)
        _mintConfig.maxTicketsPerPurchase = uint16(value);
        emit MaxTicketsPerPurchaseSet(value);
    }

    /// @inheritdoc IEventTicketNFT
    function setBaseURI(string calldata baseURI_) external onlyOwner {
        _baseTokenURI = baseURI_;
        emit BaseURISet(baseURI_);
        emit BatchMetadataUpdate(_startTokenId(), type(uint256).max);
    }

    /// @inheritdoc IEventTicketNFT
    function rescueEther(address payable to) external onlyOwner {
        // Checks
        if (to == address(0)) revert EventTicketNFT_ZeroAddress();
        uint256 amount = address(this).balance;
        emit EtherRescued(to, amount);
        // Interactions
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert EventTicketNFT_RescueFailed(to, amount);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // ERC-2981, ERC-6454, ERC-165, metadata
    // ---------------------------------------------------------------------------------------------------------------

    /// @notice ERC-2981: 10% of `salePrice`, paid to the event's splitter (5% platform, 5% organizer).
    /// @dev Reverts for a nonexistent or burned token.
    function royaltyInfo(uint256 tokenId, uint256 salePrice)
        external
        view
        returns (address receiver, uint256 royaltyAmount)
    {
        receiver = royaltyReceiver(_eventOf(tokenId));
        royaltyAmount = salePrice * ROYALTY_BPS / _BPS;
    }

    /// @inheritdoc IERC6454
    function isTransferable(uint256 tokenId, address from, address to) external view returns (bool) {
        uint256 eventId = _eventOf(tokenId);
        if (from == address(0) || to == address(0)) return true;
        EventInfo memory info = _events[eventId];
        return !info.transferLocked || block.timestamp >= info.eventEnd;
    }

    /// @notice ERC-165: ERC-721, ERC-721 metadata, ERC-2981, ERC-6454, ERC-4906 and ERC-165 itself.
    function supportsInterface(bytes4 interfaceId) public view override(ERC721A, IERC165) returns (bool) {
        return interfaceId == type(IERC2981).interfaceId || interfaceId == type(IERC6454).interfaceId
            || interfaceId == bytes4(0x49064906) || ERC721A.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Views
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IEventTicketNFT
    function getEvent(uint256 eventId) external view returns (EventView memory) {
        Sale memory sale = _sales[eventId];
        if (sale.saleEnd == 0) revert EventTicketNFT_EventNotFound(eventId);
        EventInfo memory info = _events[eventId];
        return EventView({
            organizer: info.organizer,
            price: sale.price,
            capacity: sale.capacity,
            sold: sale.sold,
            saleStart: sale.saleStart,
            saleEnd: sale.saleEnd,
            eventEnd: info.eventEnd,
            transferLocked: info.transferLocked,
            cancelled: sale.cancelled,
            royaltyReceiver: royaltyReceiver(eventId)
        });
    }

    /// @inheritdoc IEventTicketNFT
    function saleTerms(uint256 eventId) external view returns (uint256 price, uint256 maxTicketsPerPurchase_) {
        Sale memory sale = _sales[eventId];
        if (sale.saleEnd == 0) revert EventTicketNFT_EventNotFound(eventId);
        return (sale.price, _mintConfig.maxTicketsPerPurchase);
    }

    /// @inheritdoc IEventTicketNFT
    function ticketInfo(uint256 tokenId) external view returns (address holder, uint256 eventId, uint256 pricePaid_) {
        TokenOwnership memory ownership = _ownershipOf(tokenId);
        holder = ownership.addr;
        eventId = ownership.extraData;
        pricePaid_ = _pricePaid(eventId, tokenId);
    }

    /// @inheritdoc IEventTicketNFT
    function eventOf(uint256 tokenId) external view returns (uint256) {
        return _eventOf(tokenId);
    }

    /// @inheritdoc IEventTicketNFT
    function pricePaid(uint256 tokenId) external view returns (uint256) {
        return _pricePaid(_eventOf(tokenId), tokenId);
    }

    /// @inheritdoc IEventTicketNFT
    function grossSales(uint256 eventId) external view returns (uint256) {
        Sale memory sale = _sales[eventId];
        return PriceHistory.gross(_segments[eventId], sale.sold, sale.price);
    }

    /// @inheritdoc IEventTicketNFT
    function eventsOf(address organizer) external view returns (uint256[] memory) {
        return _eventsByOrganizer[organizer];
    }

    /// @inheritdoc IEventTicketNFT
    function organizerOf(uint256 eventId) external view returns (address organizer, uint256 eventEnd) {
        EventInfo memory info = _events[eventId];
        return (info.organizer, info.eventEnd);
    }

    /// @inheritdoc IEventTicketNFT
    function royaltyReceiver(uint256 eventId) public view returns (address) {
        bytes32 initCodeHash = keccak256(abi.encodePacked(type(EventRoyaltySplitter).creationCode, abi.encode(eventId)));
        return Create2.computeAddress(bytes32(eventId), initCodeHash);
    }

    /// @inheritdoc IEventTicketNFT
    function isOperator(address account) external view returns (bool) {
        return _operators[account];
    }

    /// @inheritdoc IEventTicketNFT
    function isPauser(address account) external view returns (bool) {
        return _pausers[account];
    }

    /// @inheritdoc IEventTicketNFT
    function minter() external view returns (address) {
        return _mintConfig.minter;
    }

    /// @inheritdoc IEventTicketNFT
    function paused() external view returns (bool) {
        return _mintConfig.paused;
    }

    /// @inheritdoc IEventTicketNFT
    function maxTicketsPerPurchase() external view returns (uint256) {
        return _mintConfig.maxTicketsPerPurchase;
    }

    /// @inheritdoc IEventTicketNFT
    function nextTokenId() external view returns (uint256) {
        return _nextTokenId();
    }

    /// @inheritdoc IEventTicketNFT
    function baseURI() external view returns (string memory) {
        return _baseTokenURI;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Internal
    // ---------------------------------------------------------------------------------------------------------------

    function _eventOf(uint256 tokenId) private view returns (uint256) {
        return _ownershipOf(tokenId).extraData;
    }

    function _pricePaid(uint256 eventId, uint256 tokenId) private view returns (uint256) {
        return PriceHistory.priceOf(_priceHistory[eventId], _segments[eventId], _sales[eventId].price, tokenId);
    }

    /// @dev Token ids start at 1, so 0 never names a ticket.
    function _startTokenId() internal pure override returns (uint256) {
        return 1;
    }

    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }

    /// @dev Stamps the event id into minted tokens, keeps it on transfers and burns, and enforces the transfer lock
    /// on every transfer path (`transferFrom` and both `safeTransferFrom` go through here); mint and burn stay free.
    function _extraData(address from, address to, uint24 previousExtraData) internal view override returns (uint24) {
        if (from == address(0)) return _mintingEventId;
        if (to != address(0)) {
            EventInfo storage info = _events[previousExtraData];
            if (info.transferLocked) {
                uint256 eventEnd = info.eventEnd;
                if (block.timestamp < eventEnd) revert EventTicketNFT_TransferLocked(previousExtraData, eventEnd);
            }
        }
        return previousExtraData;
    }
}
