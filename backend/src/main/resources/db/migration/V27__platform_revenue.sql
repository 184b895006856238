-- The platform's revenue, as the PaymentProcessor keeps it: its half of every royalty per event, and
-- every withdrawal of platform fees and royalty halves to the treasury (keyed by log, so a reorg
-- removes exactly what it undoes). Royalties received before this migration count for the organizer
-- only; a re-index from the deployment block (dev: ./run.sh --clean) fills in the platform's half.
alter table event_revenue add column platform_royalty_credited numeric(78, 0) not null default 0;

create table platform_withdrawals (
    block_hash   varchar(66)    not null,
    log_index    integer        not null,
    block_number bigint         not null,
    tx_hash      varchar(66)    not null,
    treasury     varchar(42)    not null,
    amount       numeric(78, 0) not null,
    primary key (block_hash, log_index)
);
