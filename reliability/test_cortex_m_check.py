#!/usr/bin/env python3
"""Tests of the budget judgement of cortex_m_check.py (run by run-quick.sh):

    python3 reliability/test_cortex_m_check.py
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cortex_m_check as check  # noqa: E402


class Judge(unittest.TestCase):
    def test_within_every_budget_passes(self):
        figures = {k: v for k, v in check.BUDGETS.items() if k not in check.CEILINGS}
        _, failures = check.judge(figures)
        self.assertEqual(failures, [])

    def test_a_figure_one_byte_over_its_budget_fails(self):
        for k, budget in check.BUDGETS.items():
            if k in check.CEILINGS:
                continue
            _, failures = check.judge({k: budget + 1})
            self.assertEqual(failures, [f"{k} = {budget + 1} exceeds its budget of {budget}"])

    def test_the_assess_only_firmware_has_no_ceiling(self):
        # Within its 16 KiB budget: one byte more fails the check.
        self.assertNotIn("flash_assess", check.CEILINGS)
        self.assertEqual(check.BUDGETS["flash_assess"], 16 * 1024)
        _, failures = check.judge({"flash_assess": 16 * 1024 + 1})
        self.assertEqual(len(failures), 1)

    def test_the_json_firmware_has_no_ceiling(self):
        # Within its 96 KiB budget (95 380 B): one byte more fails the check.
        self.assertNotIn("flash_json", check.CEILINGS)
        self.assertEqual(check.BUDGETS["flash_json"], 96 * 1024)
        _, failures = check.judge({"flash_json": 96 * 1024 + 1})
        self.assertEqual(failures, [f"flash_json = {96 * 1024 + 1} exceeds its budget of {96 * 1024}"])
        self.assertEqual(check.judge({"flash_json": 96 * 1024})[1], [])

    def test_a_ceiling_holds_until_the_budget_is_met(self):
        budgets, ceilings = {"flash_json": 100}, {"flash_json": 120}
        self.assertEqual(check.judge({"flash_json": 120}, budgets, ceilings)[1], [])
        self.assertEqual(check.judge({"flash_json": 121}, budgets, ceilings)[1],
                         ["flash_json = 121 exceeds its ceiling of 120"])
        self.assertEqual(check.judge({"flash_json": 100}, budgets, ceilings)[1],
                         ["flash_json = 100 is within its budget of 100: drop its ceiling"])

    def test_ceilings_are_never_above_the_figures_they_replaced(self):
        # A ratchet: 142 KiB when flash was first counted in full, 113 KiB
        # once the cuts and the text facts grading reads were both in; none
        # since the JSON firmware fits its budget.
        for k, ceiling in check.CEILINGS.items():
            self.assertGreater(ceiling, check.BUDGETS[k])
            self.assertLessEqual(ceiling, 113 * 1024, k)


if __name__ == "__main__":
    unittest.main()
