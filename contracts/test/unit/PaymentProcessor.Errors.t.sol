// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IEventTicketNFT} from "../../src/interfaces/IEventTicketNFT.sol";
import {IPaymentProcessor} from "../../src/interfaces/IPaymentProcessor.sol";
import {Test} from "forge-std/Test.sol";

/// @notice The purchase errors re-declared in IPaymentProcessor must keep the ticket contract's selectors, or clients
/// decoding with the processor's ABI would misread them.
contract PaymentProcessorErrorsTest is Test {
    function test_PurchaseErrorsMatchTicketContractSelectors() public pure {
        assertEq(
            IPaymentProcessor.EventTicketNFT_SalesPaused.selector, IEventTicketNFT.EventTicketNFT_SalesPaused.selector
        );
        assertEq(
            IPaymentProcessor.EventTicketNFT_EventNotFound.selector,
            IEventTicketNFT.EventTicketNFT_EventNotFound.selector
        );
        assertEq(
            IPaymentProcessor.EventTicketNFT_EventIsCancelled.selector,
            IEventTicketNFT.EventTicketNFT_EventIsCancelled.selector
        );
        assertEq(
            IPaymentProcessor.EventTicketNFT_SaleNotOpen.selector, IEventTicketNFT.EventTicketNFT_SaleNotOpen.selector
        );
        assertEq(
            IPaymentProcessor.EventTicketNFT_InvalidQuantity.selector,
            IEventTicketNFT.EventTicketNFT_InvalidQuantity.selector
        );
        assertEq(
            IPaymentProcessor.EventTicketNFT_ExceedsCapacity.selector,
            IEventTicketNFT.EventTicketNFT_ExceedsCapacity.selector
        );
        assertEq(
            IPaymentProcessor.EventTicketNFT_Underpayment.selector, IEventTicketNFT.EventTicketNFT_Underpayment.selector
        );
        assertEq(
            IPaymentProcessor.EventTicketNFT_Overpayment.selector, IEventTicketNFT.EventTicketNFT_Overpayment.selector
        );
    }
}
