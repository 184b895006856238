-- Tickets as the chain indexer projects them (issue 4 fills this table). A ticket counts as sold
-- unless refunded. Events with tickets can never be deleted (restrict), only cancelled.
create table tickets (
    token_id      numeric(78, 0) primary key,
    event_id      bigint         not null references events (id) on delete restrict,
    owner_address varchar(42)    not null,
    status        varchar(16)    not null default 'ACTIVE' check (status in ('ACTIVE', 'TRANSFERRED', 'REFUNDED')),
    created_at    timestamptz    not null default now(),
    updated_at    timestamptz    not null default now()
);

create index tickets_event_sold_idx on tickets (event_id) where status <> 'REFUNDED';
create index tickets_owner_idx on tickets (owner_address);
