-- Failed sign-ins by client address and username, kept for the lockout window: they
-- throttle an address that guesses (whatever the usernames) and a username guessed from
-- one address, without letting anyone lock a colleague out with a few wrong passwords.
create table sign_in_failures (
    address   varchar(64)              not null,
    username  varchar(200)             not null,
    failed_at timestamp with time zone not null
);

create index sign_in_failures_address on sign_in_failures (address, failed_at);
create index sign_in_failures_failed_at on sign_in_failures (failed_at);
