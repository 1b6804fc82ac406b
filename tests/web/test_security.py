"""The room server's limits and signatures, with a clock the tests move."""

from __future__ import annotations

import re

from workshop.web import security


def test_join_codes_are_six_random_digits() -> None:
    codes = {security.new_join_code() for _ in range(50)}
    assert all(re.fullmatch(r"\d{6}", code) for code in codes)
    assert len(codes) > 40  # random, not one fixed code


def test_wrong_codes_are_limited_per_address_and_in_all() -> None:
    limit = security.WrongCodeLimit()
    for _ in range(20):
        assert not limit.blocked("10.0.0.1", 0.0)
        limit.wrong("10.0.0.1", 0.0)
    assert limit.blocked("10.0.0.1", 1.0)
    assert not limit.blocked("10.0.0.2", 1.0)  # another address is not held up by it
    assert not limit.blocked("10.0.0.1", 60.5)  # a minute later

    in_all = security.WrongCodeLimit()
    for number in range(200):
        in_all.wrong(f"10.0.1.{number}", 0.0)  # 200 addresses, one wrong code each
    assert in_all.blocked("10.9.9.9", 1.0)
    assert not in_all.blocked("10.9.9.9", 61.0)


def test_ideas_come_five_at_once_then_one_every_two_seconds() -> None:
    pace = security.IdeaPace()
    assert [pace.take("p", 0.0) for _ in range(5)] == [0.0] * 5
    assert pace.take("p", 0.0) == 2.0
    assert pace.take("q", 0.0) == 0.0  # per participant
    assert pace.take("p", 1.0) == 1.0
    assert pace.take("p", 2.0) == 0.0
    pace.give_back("p")  # an idea refused by the rules does not use a turn
    assert pace.take("p", 2.0) == 0.0


def test_a_form_signature_belongs_to_one_visitor_and_one_run() -> None:
    signer = security.FormSigner()
    signature = signer.sign("token-a")
    assert signer.verify("token-a", signature)
    assert not signer.verify("token-b", signature)
    assert not signer.verify("", signer.sign(""))
    assert not security.FormSigner().verify("token-a", signature)  # another run of the server


def test_tokens_are_kept_only_as_their_hash() -> None:
    token = security.new_token()
    hashed = security.token_hash(token)
    assert len(token) >= 43 and re.fullmatch(r"[0-9a-f]{64}", hashed) and token not in hashed
