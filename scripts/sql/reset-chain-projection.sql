-- Empties the chain projection so the indexer rebuilds it from ECHAIN_DEPLOYMENT_BLOCK on its next start:
-- tickets and transfers, payments, revenue, and the indexer's cursor, block hashes and applied logs. Off-chain data
-- (users, events and their outbox) stays. Stop every backend instance first; see docs/deployment/BACKUP_AND_RESTORE.md.
-- Lost for good: what only the database knew, i.e. buyer reports (POST /api/payments) of transactions that never
-- reached the chain (FAILED) and who reported a transaction (payments.submitted_by).
\set ON_ERROR_STOP on
begin;
truncate ticket_transfers, tickets, payments, event_revenue, indexer_logs, indexer_blocks, indexer_cursor;
update events set tickets_sold = 0 where tickets_sold <> 0;
commit;
