// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventRoyaltySplitter} from "./interfaces/IEventRoyaltySplitter.sol";
import {IEventTicketNFT} from "./interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "./interfaces/IPaymentProcessor.sol";

/// @title EventRoyaltySplitter
/// @notice The royalty receiver of one event, deployed by the ticket contract with CREATE2 (salt = event id) when the
/// event is registered. A full contract rather than a proxy clone: a clone's `delegatecall` to a cold implementation
/// costs more than the 2,300 gas stipend of `transfer`, and some marketplaces still pay royalties that way.
contract EventRoyaltySplitter is IEventRoyaltySplitter {
    IEventTicketNFT private immutable _TICKET_NFT;
    uint256 private immutable _EVENT_ID;

    constructor(uint256 eventId_) {
        _TICKET_NFT = IEventTicketNFT(msg.sender);
        _EVENT_ID = eventId_;
    }

    /// @notice Accepts royalties. Does nothing else, so it works with the 2,300 gas stipend of `transfer`/`send`.
    receive() external payable {}

    /// @inheritdoc IEventRoyaltySplitter
    function forward() external returns (uint256 amount) {
        amount = address(this).balance;
        if (amount != 0) {
            // Interactions: the minter is the PaymentProcessor; it only credits the amount to this event.
            IPaymentProcessor(_TICKET_NFT.minter()).payRoyalty{value: amount}(_EVENT_ID);
        }
    }

    /// @inheritdoc IEventRoyaltySplitter
    function eventId() external view returns (uint256) {
        return _EVENT_ID;
    }
}
