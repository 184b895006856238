// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title ERC-6454: Minimal Transferable NFT detection interface
/// @notice Lets wallets and marketplaces ask whether a token may move before they try. Interface id 0x91a6262f.
interface IERC6454 {
    /// @notice Whether `tokenId` can be transferred from `from` to `to` right now.
    /// @dev `from == address(0)` asks about minting and `to == address(0)` about burning.
    /// @param tokenId The token.
    /// @param from The current holder, or zero for a mint.
    /// @param to The receiver, or zero for a burn.
    /// @return Whether the transfer is allowed.
    function isTransferable(uint256 tokenId, address from, address to) external view returns (bool);
}
