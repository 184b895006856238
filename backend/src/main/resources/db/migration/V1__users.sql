-- Wallet users. Addresses are stored lower-cased; ADMIN comes from configuration, not from this table.
create table users (
    id              bigint generated always as identity primary key,
    address         varchar(42)  not null unique check (address ~ '^0x[0-9a-f]{40}$'),
    email           varchar(320),
    role            varchar(16)  not null default 'ATTENDEE' check (role in ('ATTENDEE', 'ORGANIZER')),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    last_sign_in_at timestamptz
);

create unique index users_email_key on users (lower(email)) where email is not null;
