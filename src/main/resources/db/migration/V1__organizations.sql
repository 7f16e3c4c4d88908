-- Party organizations and their members (the routing data).
create table org_organization (
    code        varchar(64)  not null primary key,
    name        varchar(200) not null,
    org_type    varchar(32)  not null,
    org_system  varchar(32)  not null,
    leader_code varchar(64),
    grassroots  boolean      not null,
    unit_name   varchar(200)
);
create index idx_org_leader on org_organization (leader_code);

create table org_member (
    member_no varchar(64)  not null primary key,
    name      varchar(100) not null,
    org_code  varchar(64)  not null references org_organization (code),
    role      varchar(32)  not null,
    position  varchar(200),
    email     varchar(200),
    username  varchar(64)  unique
);
create index idx_member_org on org_member (org_code);
