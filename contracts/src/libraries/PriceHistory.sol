// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PricePoint, PriceSegment} from "../types/EventTypes.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title PriceHistory
/// @notice What each ticket of an event was sold at, without a storage write per purchase. Token ids are global and
/// increasing, so the tickets sold at one price form a segment of token ids: a price change closes the current
/// segment (if it sold anything) and opens a new one at the next token id.
library PriceHistory {
    /// @notice Whether a price change has to close the current segment: only if it sold tickets. A segment that sold
    /// nothing owns no token, so its price can simply be replaced.
    function needsNewSegment(PriceSegment memory segment, uint32 sold) internal pure returns (bool) {
        return sold != segment.soldBefore;
    }

    /// @notice Closes the current segment, sold at `oldPrice` (the event has sold `sold` tickets in total), and opens
    /// a new one at `nextTokenId`.
    function closeSegment(
        PricePoint[] storage history,
        PriceSegment storage segment,
        PriceSegment memory current,
        uint96 oldPrice,
        uint32 sold,
        uint256 nextTokenId
    ) internal {
        history.push(PricePoint({fromTokenId: current.startTokenId, price: oldPrice}));
        uint256 soldInSegment = sold - current.soldBefore;
        segment.startTokenId = SafeCast.toUint64(nextTokenId);
        segment.soldBefore = sold;
        segment.revenueBefore = SafeCast.toUint160(current.revenueBefore + soldInSegment * oldPrice);
    }

    /// @notice The price `tokenId` (a ticket of this event) was sold at, given the current price.
    /// @dev The current price if the token is not older than the current segment, else the price of the last closed
    /// segment starting at or before the token (binary search). The first closed segment starts at the event's first
    /// token id, so a match always exists.
    function priceOf(PricePoint[] storage history, PriceSegment storage segment, uint256 currentPrice, uint256 tokenId)
        internal
        view
        returns (uint256)
    {
        if (tokenId >= segment.startTokenId) return currentPrice;
        uint256 low = 0;
        uint256 high = history.length;
        // Cannot overflow or underflow: 0 <= low < high <= history.length.
        unchecked {
            while (high - low > 1) {
                uint256 mid = (low + high) / 2;
                if (history[mid].fromTokenId <= tokenId) low = mid;
                else high = mid;
            }
        }
        return history[low].price;
    }

    /// @notice Sum paid for all `sold` tickets of the event, the current segment sold at `currentPrice`.
    function gross(PriceSegment memory segment, uint256 sold, uint256 currentPrice) internal pure returns (uint256) {
        return segment.revenueBefore + (sold - segment.soldBefore) * currentPrice;
    }
}
