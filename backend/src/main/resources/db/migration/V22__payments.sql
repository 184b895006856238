-- Purchases. A row exists from the moment a client reports its transaction hash (PENDING, not yet
-- mined: payment_id and block are null) or the indexer sees a TicketsPurchased log. payment_id is the
-- contract's payment id (= first token id). Confirmations are derived from block_number and the head.
create table payments (
    id               bigint generated always as identity primary key,
    tx_hash          varchar(66)    not null,
    payment_id       numeric(78, 0) unique,
    chain_event_id   numeric(78, 0),
    event_id         bigint,
    buyer_address    varchar(42),
    quantity         integer,
    amount           numeric(78, 0),
    fee              numeric(78, 0),
    refunded_count   integer        not null default 0,
    refunded_amount  numeric(78, 0) not null default 0,
    status           varchar(16)    not null default 'PENDING'
        check (status in ('PENDING', 'CONFIRMED', 'FAILED', 'REFUNDED')),
    failure_reason   varchar(200),
    block_number     bigint,
    block_hash       varchar(66),
    log_index        integer,
    submitted_by     varchar(42),
    created_at       timestamptz    not null default now(),
    updated_at       timestamptz    not null default now()
);

create index payments_tx_idx on payments (tx_hash);
create index payments_buyer_idx on payments (buyer_address, id);
create index payments_submitted_by_idx on payments (submitted_by, id);
create index payments_event_idx on payments (event_id, id);
create index payments_chain_event_idx on payments (chain_event_id);
create index payments_open_idx on payments (status, block_number) where status = 'PENDING';

-- Revenue per chain event, kept by the projection; derived figures (fee, escrow, withdrawable) are
-- computed when read. event_id is the backend event (null while unknown).
create table event_revenue (
    chain_event_id     numeric(78, 0) primary key,
    event_id           bigint,
    organizer_address  varchar(42)    not null,
    fee_bps            integer        not null,
    event_end          timestamptz    not null,
    tickets_sold       integer        not null default 0,
    tickets_refunded   integer        not null default 0,
    gross              numeric(78, 0) not null default 0,
    refunded           numeric(78, 0) not null default 0,
    organizer_withdrawn numeric(78, 0) not null default 0,
    royalty_credited   numeric(78, 0) not null default 0,
    royalty_withdrawn  numeric(78, 0) not null default 0,
    settled_fee        numeric(78, 0),
    settled_share      numeric(78, 0),
    cancelled          boolean        not null default false,
    block_number       bigint         not null
);

create index event_revenue_organizer_idx on event_revenue (organizer_address);
create index event_revenue_event_idx on event_revenue (event_id);
