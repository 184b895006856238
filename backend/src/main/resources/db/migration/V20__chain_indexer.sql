-- The chain indexer's own state. One row in indexer_cursor: the last block whose logs are applied to
-- the projection, committed in the same transaction as the projection rows it wrote. indexer_blocks
-- keeps the hash of every applied block (recent ones; older ones are pruned) so a reorg is found by a
-- parent hash that no longer matches. indexer_logs keeps every applied log, keyed by (block hash,
-- log index), with its raw topics and data: a rollback replays them backwards to undo the projection.
create table indexer_cursor (
    id           smallint    primary key default 1 check (id = 1),
    block_number bigint      not null,
    block_hash   varchar(66),
    head_number  bigint      not null default 0,
    -- Timestamp of the last applied block: "now" as the contracts see it.
    block_time   timestamptz,
    updated_at   timestamptz not null default now()
);

create table indexer_blocks (
    number      bigint      primary key,
    hash        varchar(66) not null,
    parent_hash varchar(66) not null,
    log_count   integer     not null default 0
);

create table indexer_logs (
    block_hash   varchar(66) not null,
    log_index    integer     not null,
    block_number bigint      not null,
    tx_hash      varchar(66) not null,
    contract     varchar(42) not null,
    kind         varchar(32) not null,
    topics       text[]      not null,
    data         text        not null,
    primary key (block_hash, log_index)
);

create index indexer_logs_block_idx on indexer_logs (block_number, log_index);
