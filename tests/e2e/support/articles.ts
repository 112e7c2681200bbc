/** An article to add to the fixture site in rebuild tests: it shares tags with the reference story, so it enters its Related list. */
export const NEW_ARTICLE = `---
title: Kim inspects artillery units bound for the front
date: 2024-10-30T08:00:00
tags: [Kim Jong Un, North Korea]
---

State media showed the leader inspecting artillery units.
`;
