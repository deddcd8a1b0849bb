-- Per-caller request counts in fixed one-minute windows. In the database, so that every instance behind a load
-- balancer counts against the same budget.

create table rate_limit_window (
    caller       varchar(100)             not null,
    window_start timestamp with time zone not null,
    hits         integer                  not null,
    primary key (caller, window_start)
);
