/**
 * Payments: projects payments and the books of every event (sales, refunds, settlement, withdrawals, royalties)
 * from the chain (fed by the chain indexer); tracks purchases clients report by transaction hash; serves quotes,
 * payments, revenue and sales.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Payments",
        allowedDependencies = {"shared", "identity", "events", "tickets", "chain", "chain :: indexer"})
package io.echain.payments;
