# ruff: noqa: E501  (article texts: one paragraph a line)
"""More article texts for the hand-written family pages (i17bi; written for cleanfeed, MIT; invented people,
companies and figures). Same form as _texts.py: headline, standfirst (or None), body as (kind, text) blocks,
kind one of p | h2 | li | row | quote (a block quotation, kept in the gold)."""
from __future__ import annotations

ESSAY = ("What I learned running a scrap yard's books for ten years",
         "Margins are made at the scale house, lost in the yard, and explained to the bank in spreadsheets nobody reads",
         [("p", "When I took over the accounts of my uncle's yard in 2015, the business bought about 900 tonnes of ferrous scrap a month and sold it to two mills within a day's drive. "
                "Ten years later we handle three times that, with the same weighbridge and four more people. Most of what I know about the trade I learned from mistakes in a ledger."),
          ("p", "This is not advice. It is a list of things that surprised me, written down because a younger colleague asked and I realised I had never said them out loud."),
          ("h2", "The scale house is the business"),
          ("p", "Every tonne we sell was bought first, and the price of buying it is set in a few seconds at the scale house window. "
                "A clerk who grades a load of light iron as heavy melt costs us more in a morning than the forklift costs in fuel in a month."),
          ("p", "We started photographing every load from two angles in 2018. Disputes with peddlers went down, but the real gain was that I could finally compare what we paid for with what the mill said it received."),
          ("p", "The gap between the two, the yield loss, was eleven per cent in the first year we measured it. It is now under six. Nothing else we did in a decade came close to that in money."),
          ("h2", "Inventory is not cash"),
          ("p", "Scrap piles look like money, and banks lend against them as if they were. But a pile is only worth what a mill will pay for it on the day a truck can take it, "
                "and in the winter of 2019 we held 2,400 tonnes for eleven weeks while prices fell by a quarter."),
          ("quote", "A yard that cannot say how old its oldest tonne is does not know whether it is making money."),
          ("p", "Since then we count the age of the pile, not just its weight. Anything over six weeks old gets sold, even at a discount. It feels wasteful every time, and it has been right every time."),
          ("h2", "Three numbers I look at every Monday"),
          ("li", "Tonnes bought and sold last week, by grade, and the difference between them"),
          ("li", "The average age of the inventory, weighted by tonnes"),
          ("li", "Cash received against invoices due, because mills pay late when they are busy and early when they are not"),
          ("p", "None of these are in the accounting software's standard reports. I built them in a spreadsheet that takes twenty minutes to update, and I would give up every other report before that one."),
          ("h2", "The bank reads none of it"),
          ("p", "Our lender asks for quarterly accounts and an annual inventory certificate. In ten years no one at the bank has asked about yield loss or the age of the pile, "
                "which are the two things that would tell them whether we can pay them back."),
          ("p", "I send them anyway, one page each quarter. When prices collapsed in 2020 and our covenant was breached for two months, that page was, I am fairly sure, why they waived it without a fee."),
          ("p", "If I had to say it in one line: know what you paid, know how long you have held it, and tell the people who lend you money before they ask.")])

NEWSROOM = ("Kestrel Steel opens electric arc furnace at its Gary works, cutting emissions by two thirds",
            "The 2.6 million-tonne furnace replaces two blast furnaces that ran for more than sixty years",
            [("p", "Kestrel Steel has started melting at its new electric arc furnace in Gary, Indiana, the company said on Tuesday, completing a four-year, $1.4 billion project "
                   "that replaces two coal-fired blast furnaces at one of the oldest integrated steel sites in the United States."),
             ("p", "The furnace can make 2.6 million tonnes of liquid steel a year from scrap and direct reduced iron. "
                   "Kestrel expects the change to cut the site's direct carbon dioxide emissions by about 65 per cent once the furnace runs at full rate next spring."),
             ("p", "\"This is the largest single investment in the history of the Gary works,\" said Jennifer Alvarez, the company's chief operating officer, at a ceremony attended by about 400 employees. "
                   "\"It means these jobs stay here for another generation.\""),
             ("h2", "A different kind of steelworks"),
             ("p", "The project kept the site's hot strip mill and galvanising lines but removed the coke ovens and sinter plant, which will be demolished over the next two years. "
                   "About 300 jobs in those areas have been moved to the melt shop and a new scrap-handling yard, and no one was laid off, the company said."),
             ("p", "Electric arc furnaces melt scrap with electricity rather than reducing iron ore with coke. The Gary furnace will draw up to 180 megawatts, "
                   "and Kestrel has signed a 15-year agreement with a wind developer in Illinois for about half of that."),
             ("p", "The remaining power will come from the regional grid. The company said it would shift melting to overnight hours when prices are lowest, which its engineers expect to save $30 million a year."),
             ("h2", "Scrap supply"),
             ("p", "Feeding the furnace will take about 1.8 million tonnes of scrap a year, most of it prime grades from auto stamping plants in Michigan and Ohio. "
                   "Kestrel bought two scrap processors in 2023 to secure part of that supply and plans to buy the rest from independent yards."),
             ("p", "For the highest grades of automotive sheet, the furnace will also use hot briquetted iron from a plant in Louisiana that Kestrel co-owns, "
                   "which dilutes copper and other residual elements that scrap carries."),
             ("p", "Industry groups welcomed the start-up but warned that competition for prime scrap in the Midwest is already intense. "
                   "Three other electric furnaces within 300 miles are due to start in the next two years."),
             ("h2", "What comes next"),
             ("p", "The company said it would decide next year whether to convert its second integrated site, in Cleveland, which still runs one blast furnace. "
                   "That decision depends on federal tax credits and on how quickly the Gary furnace reaches its design rate."),
             ("p", "Kestrel's shares rose 2.3 per cent in New York trading on Tuesday.")])

GLOBE = ("Aurora Copper Announces Positive Feasibility Study for Red Hill Project",
         "After-tax NPV of US$1.1 billion and IRR of 24% at US$4.00/lb copper",
         [("p", "VANCOUVER, British Columbia, Sept. 9, 2025 (GLOBE NEWSWIRE) -- Aurora Copper Corp. (TSX: AUC) (OTCQX: AUCCF) is pleased to announce the results of a feasibility study "
                "for its 100%-owned Red Hill copper-gold project in central British Columbia."),
          ("p", "The study outlines an open-pit mine and conventional flotation plant processing 40,000 tonnes of ore a day over a 21-year mine life, "
                "producing an average of 61,000 tonnes of copper and 78,000 ounces of gold a year in concentrate."),
          ("p", "Study highlights (all figures in US dollars, on a 100% basis):"),
          ("li", "After-tax net present value (8% discount) of $1.1 billion and internal rate of return of 24%"),
          ("li", "Initial capital cost of $1.28 billion, including a contingency of $164 million"),
          ("li", "Payback of 3.1 years from the start of commercial production"),
          ("li", "Average all-in sustaining cost of $1.72 per pound of copper, net of gold credits"),
          ("p", "\"Red Hill is a large, simple, long-life copper mine in one of the best jurisdictions in the world,\" said Thomas Byrne, President and CEO of Aurora. "
                "\"This study gives us what we need to start permitting and to talk seriously with partners about financing.\""),
          ("p", "Mineral reserves total 310 million tonnes grading 0.29% copper and 0.21 grams per tonne gold, with a strip ratio of 1.4 to 1. "
                "Metallurgical testing of 48 composites returned average recoveries of 89% for copper and 71% for gold."),
          ("row", "Copper price (US$/lb) | After-tax NPV8 (US$ M) | After-tax IRR"),
          ("row", "3.50 | 720 | 18.6%"),
          ("row", "4.00 | 1,104 | 24.0%"),
          ("row", "4.50 | 1,487 | 28.9%"),
          ("p", "The project will draw power from the provincial grid through a 38-kilometre transmission line and will use a dry-stack tailings facility, "
                "which the company says reduces water use by about 60% compared with a conventional dam."),
          ("p", "Aurora expects to submit its environmental assessment application in the first half of 2026. "
                "The company has signed a communications agreement with two First Nations whose territories include the project area."),
          ("p", "The feasibility study was prepared by independent consultants and will be filed on SEDAR+ within 45 days. "
                "Aurora will host a webcast to discuss the results on September 10 at 8:00 a.m. Pacific Time.")])
