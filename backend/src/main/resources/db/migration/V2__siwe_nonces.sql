-- Single-use Sign-In with Ethereum nonces; a nonce is deleted when used.
create table siwe_nonces (
    nonce      varchar(64) primary key,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
);

create index siwe_nonces_expires_at_idx on siwe_nonces (expires_at);
