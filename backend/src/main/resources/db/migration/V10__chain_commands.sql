-- Outbox of the chain integration: one row per intended on-chain change of an event (register, update,
-- cancel), written in the transaction that changed the event; a worker sends them with the operator key and
-- tracks them to N confirmations. The signed transaction is kept so a lost send is re-broadcast byte for byte
-- (same nonce, same hash) instead of being signed again.
create table chain_commands (
    id              bigint generated always as identity primary key,
    event_id        bigint      not null references events (id),
    kind            varchar(16) not null check (kind in ('REGISTER', 'UPDATE', 'CANCEL')),
    status          varchar(16) not null default 'PENDING'
                        check (status in ('PENDING', 'SENT', 'MINED', 'CONFIRMED', 'SUPERSEDED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    sender          varchar(42),
    nonce           bigint,
    tx_hash         varchar(66),
    raw_tx          text,
    block_number    bigint,
    block_hash      varchar(66),
    error           text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    sent_at         timestamptz,
    constraint chain_commands_sent_has_tx check (status not in ('SENT', 'MINED') or tx_hash is not null)
);

-- The worker's queues.
create index chain_commands_open_idx on chain_commands (status, id) where status in ('PENDING', 'SENT', 'MINED');
create index chain_commands_event_idx on chain_commands (event_id, id);
-- A nonce is never used for two transactions of ours.
create unique index chain_commands_sender_nonce_key on chain_commands (sender, nonce) where nonce is not null;
