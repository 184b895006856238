-- Organizer-chosen sale window and transfer lock, both put on chain by the outbox (docs/chain.md).
-- sale_starts_at / sale_ends_at null mean the defaults: sales open at created_at and close at starts_at
-- (so a moved start moves the default close with it); existing rows keep exactly today's behaviour.
-- transfer_locked is fixed at creation: the contract's updateEvent cannot change it; existing rows are unlocked,
-- as they were registered on chain.
alter table events
    add column sale_starts_at  timestamptz,
    add column sale_ends_at    timestamptz,
    add column transfer_locked boolean not null default false,
    add constraint events_sale_window check (
        (sale_starts_at is null or sale_ends_at is null or sale_starts_at < sale_ends_at)
        and (sale_ends_at is null or sale_ends_at <= ends_at));
