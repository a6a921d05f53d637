CREATE CONSTRAINT cooperative_key IF NOT EXISTS FOR (n:Cooperative) REQUIRE n.key IS UNIQUE
