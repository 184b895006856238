-- Check-in at the door (issue 12, docs/checkin.md), owned by the checkin module.

-- When a ticket's holder got it: the block time of its mint and of each transfer, projected by the tickets module
-- (a code issued before the latest transfer is refused). Rows indexed before this release keep null and fall back
-- to the time they were indexed (created_at), which is never earlier than the block.
alter table tickets add column minted_at timestamptz;
alter table ticket_transfers add column block_time timestamptz;

-- Door staff: wallets the event's organizer (or an admin) lets scan that event's tickets.
create table checkin_door_staff (
    event_id   bigint      not null references events (id) on delete cascade,
    address    varchar(42) not null,
    granted_by varchar(42) not null,
    granted_at timestamptz not null default now(),
    primary key (event_id, address)
);

create index checkin_door_staff_address_idx on checkin_door_staff (address);

-- Every scan, admitted or refused; scan_id is the scanner's idempotency key (the same scan sent twice answers the
-- verdict recorded the first time, kept in answer).
create table checkin_scans (
    scan_id        uuid        primary key,
    event_id       bigint      not null references events (id) on delete cascade,
    token_id       numeric(78, 0),
    holder         varchar(42),
    gate           varchar(40) not null,
    scanner        varchar(42) not null,
    scanned_at     timestamptz not null,
    received_at    timestamptz not null default now(),
    verdict        varchar(16) not null check (verdict in ('ADMITTED', 'REFUSED')),
    reason         varchar(32),
    offline        boolean     not null default false,
    offline_verdict varchar(16),
    answer         jsonb       not null
);

create index checkin_scans_event_idx on checkin_scans (event_id, received_at desc);

-- Exactly one admission per ticket per event: the primary key decides between parallel scans (insert ... on
-- conflict), and an offline scan synced later with an earlier scannedAt takes the admission over (first scan wins).
create table checkin_admissions (
    event_id   bigint         not null references events (id) on delete cascade,
    token_id   numeric(78, 0) not null,
    scan_id    uuid           not null,
    holder     varchar(42)    not null,
    gate       varchar(40)    not null,
    scanned_at timestamptz    not null,
    primary key (event_id, token_id)
);

-- Two gates admitted the same ticket (at least one of them offline): the earlier scan kept the admission.
create table checkin_conflicts (
    id            bigint generated always as identity primary key,
    event_id      bigint         not null references events (id) on delete cascade,
    token_id      numeric(78, 0) not null,
    kept_scan_id  uuid           not null,
    kept_gate     varchar(40)    not null,
    kept_at       timestamptz    not null,
    other_scan_id uuid           not null,
    other_gate    varchar(40)    not null,
    other_at      timestamptz    not null,
    recorded_at   timestamptz    not null default now(),
    unique (other_scan_id)
);

create index checkin_conflicts_event_idx on checkin_conflicts (event_id, recorded_at desc);
