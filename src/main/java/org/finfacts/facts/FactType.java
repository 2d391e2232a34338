package org.finfacts.facts;

/**
 * What a fact says about its subject company: INVESTMENT (subject invests in object), FUNDING
 * (subject raises money: rounds, bonds, notes, placements, IPOs), ACQUISITION (subject buys object),
 * MARKET_CAP, VALUATION, REVENUE, PROFIT (incl. losses), COST (spending, capex, buybacks, fines),
 * WEALTH (a person's fortune).
 */
public enum FactType {
    INVESTMENT, FUNDING, ACQUISITION, MARKET_CAP, VALUATION, REVENUE, PROFIT, COST, WEALTH
}
