// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title EventRoyaltySplitter
/// @notice The ERC-2981 royalty receiver of one event: a small contract that accepts ETH with any gas stipend
/// (marketplaces that use `transfer` included) and forwards it to the PaymentProcessor's royalty ledger, which splits
/// it between the event's organizer and the platform.
interface IEventRoyaltySplitter {
    /// @notice Sends the whole balance to the PaymentProcessor, credited to this splitter's event. Callable by anyone.
    /// @return amount What was forwarded.
    function forward() external returns (uint256 amount);

    /// @notice The event this splitter collects royalties for.
    function eventId() external view returns (uint256);
}
