/**
 * Payments: projects the contracts' logs (fed by the chain indexer) into payments, revenue and, through
 * the tickets module, tickets; tracks purchases clients report by transaction hash; serves quotes,
 * payments, revenue, sales and ticket metadata.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package io.echain.payments;
