-- Events. Prices are wei as NUMERIC(78,0) (a uint256 fits), never floats. chain_event_id and
-- chain_status are filled by the chain integration. tickets_sold mirrors the tickets table for the
-- "has tickets left" filter; it is kept by the events module from TicketSalesChanged.
create table events (
    id                bigint generated always as identity primary key,
    organizer_address varchar(42)    not null references users (address),
    name              varchar(200)   not null check (char_length(name) between 1 and 200),
    description       text           not null default '' check (char_length(description) <= 10000),
    location          varchar(200)   not null check (char_length(location) between 1 and 200),
    starts_at         timestamptz    not null,
    ends_at           timestamptz    not null,
    price_wei         numeric(78, 0) not null check (price_wei between 0 and 1000000000000000000000000000000),
    capacity          integer        not null check (capacity between 1 and 1000000),
    tickets_sold      integer        not null default 0 check (tickets_sold >= 0),
    status            varchar(16)    not null default 'SCHEDULED' check (status in ('SCHEDULED', 'CANCELLED')),
    chain_event_id    numeric(78, 0) unique,
    chain_status      varchar(32),
    created_at        timestamptz    not null default now(),
    updated_at        timestamptz    not null default now(),
    cancelled_at      timestamptz,
    version           bigint         not null default 0,
    search_vector     tsvector generated always as (
        setweight(to_tsvector('english'::regconfig, name), 'A') ||
        setweight(to_tsvector('english'::regconfig, location), 'B') ||
        setweight(to_tsvector('english'::regconfig, description), 'C')) stored,
    constraint events_ends_after_start check (ends_at > starts_at)
);

-- Full-text search.
create index events_search_idx on events using gin (search_vector);
-- Sorts (the id breaks ties so pages are stable).
create index events_starts_at_idx on events (starts_at, id);
create index events_price_idx on events (price_wei, id);
create index events_created_at_idx on events (created_at, id);
-- Filters.
create index events_organizer_idx on events (organizer_address, starts_at);
create index events_status_idx on events (status, ends_at);
create index events_location_idx on events (lower(location) text_pattern_ops);
create index events_available_idx on events (starts_at) where tickets_sold < capacity;
