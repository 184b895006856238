-- Each module projects its own chain facts (docs/backend.md). The events module keeps the block of an event's
-- latest on-chain change while it is MINED, so it turns CONFIRMED once that block is; tickets_sold is now projected
-- from purchases and refunds by the events module itself. The tickets module finds tickets whose backend event
-- became known later without scanning every ticket.
alter table events add column chain_block bigint;
create index events_chain_mined_idx on events (chain_block) where chain_status = 'MINED';
create index tickets_unassigned_idx on tickets (chain_event_id) where event_id is null;
