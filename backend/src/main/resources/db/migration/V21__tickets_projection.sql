-- Tickets as projected from the chain. A ticket of a chain event that no backend event maps to keeps
-- event_id null (and chain_event_id). buyer_address is who bought it (status ACTIVE while the buyer
-- still holds it, TRANSFERRED once someone else does); block_number is the block that minted it.
alter table tickets alter column event_id drop not null;
alter table tickets add column chain_event_id numeric(78, 0);
alter table tickets add column buyer_address  varchar(42);
alter table tickets add column payment_id     numeric(78, 0);
alter table tickets add column price_paid     numeric(78, 0);
alter table tickets add column mint_tx_hash   varchar(66);
alter table tickets add column block_number   bigint;

create index tickets_chain_event_idx on tickets (chain_event_id, token_id);
create index tickets_block_idx on tickets (block_number);

-- Transfers between holders (mints and burns are the ticket's purchase and refund).
create table ticket_transfers (
    block_hash   varchar(66)    not null,
    log_index    integer        not null,
    block_number bigint         not null,
    tx_hash      varchar(66)    not null,
    token_id     numeric(78, 0) not null,
    from_address varchar(42)    not null,
    to_address   varchar(42)    not null,
    created_at   timestamptz    not null default now(),
    primary key (block_hash, log_index)
);

create index ticket_transfers_token_idx on ticket_transfers (token_id, block_number, log_index);
