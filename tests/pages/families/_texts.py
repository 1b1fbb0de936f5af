# ruff: noqa: E501  (page templates and article texts: one HTML fragment or paragraph a line)
"""Article texts of the hand-written family pages (written for cleanfeed, MIT; invented companies and
figures). Each entry: headline, standfirst (or None), and the body as (kind, text) blocks, kind one of
p | h2 | li | row (a table row, cells separated by ' | ')."""
from __future__ import annotations

Body = list[tuple[str, str]]

COPPER = ("Copper cathode premiums in Shanghai turn negative for the first time since 2020",
          "Bonded stocks have doubled since January as Chinese fabricators wait out the rally",
          [("p", "Premiums for imported copper cathode in Shanghai's bonded warehouses slipped below zero this week, "
                 "a sign that Chinese buyers are refusing to chase prices that have risen by nearly a fifth since the start of the year."),
           ("p", "Traders quoted Yangshan premiums at minus $8 to plus $4 a tonne on Thursday, down from $55 a month earlier. "
                 "The last time the benchmark was negative was in the spring of 2020, when lockdowns closed wire and cable mills across the country."),
           ("p", "Stocks in bonded areas have roughly doubled since January to about 310,000 tonnes, according to three warehouse operators, "
                 "while the arbitrage window for importing metal has been shut for most of the past six weeks."),
           ("h2", "Fabricators cut orders"),
           ("p", "Wire rod makers in Jiangsu and Zhejiang said they had cut purchases to the minimum their contracts allow. "
                 "One buyer said his plant was running at 60 per cent of capacity because grid operators had delayed tenders for transformers."),
           ("p", "The weakness in China contrasts with tightness elsewhere. Premiums in Rotterdam rose to $235 a tonne this month, "
                 "and US buyers are paying record prices on expectations that tariffs on refined copper may be widened."),
           ("p", "Analysts at a Singapore brokerage said the gap between Chinese and Western premiums was the widest they had recorded, "
                 "and that metal could flow out of bonded warehouses to Southeast Asia if the spread persists."),
           ("p", "Smelters, meanwhile, are still running hard. Treatment charges for concentrate are close to zero, "
                 "but sulphuric acid sales have kept most plants profitable, and output in the first quarter rose 5 per cent from a year earlier."),
           ("p", "Whether the premium recovers will depend on grid spending in the second half, one trader said. "
                 "Until then, he expects bonded stocks to keep rising and exports of refined metal to pick up.")])

LITHIUM = ("Lithium converters in Sichuan idle lines as carbonate prices sink",
           None,
           [("p", "At least four lithium converters in Sichuan province have idled production lines this month after spot prices "
                  "for battery-grade carbonate fell below what it costs most of them to make it from imported spodumene."),
            ("p", "Carbonate traded at 71,500 yuan a tonne on Friday, its lowest since the summer of 2021, "
                  "and hydroxide prices have followed it down despite steady demand from cathode makers in Korea and Japan."),
            ("p", "Converters that buy concentrate on long-term contracts priced off last quarter's averages are losing money on every tonne, "
                  "said an executive at one of the idled plants, who asked not to be named because he was not allowed to speak to the press."),
            ("h2", "Mines slow, but not enough"),
            ("p", "Australian miners have announced cuts that would remove about 60,000 tonnes of lithium carbonate equivalent from next year's supply. "
                  "African projects, many of them financed by Chinese companies, are still ramping up."),
            ("p", "Inventories held by converters and cathode makers have risen to about seven weeks of consumption, up from four weeks at the start of the year."),
            ("p", "The slump has also hit the lepidolite mines of Jiangxi, whose ore yields less lithium and more waste. "
                  "Two operators there said they would stop mining until prices recovered to at least 85,000 yuan."),
            ("p", "Not everyone is pessimistic. Sales of electric cars in China rose 31 per cent in the first four months, "
                  "and stationary storage orders are growing faster still, which some analysts expect to absorb the surplus by late next year.")])

SCRAP = ("Ferrous scrap exporters in the Baltic ports face a winter of thin margins",
         "Shipping costs fell, but Turkish mills are buying less and paying later",
         [("p", "Scrap yards supplying the export docks of Riga, Klaipeda and Tallinn say their margins have narrowed to the thinnest in three years, "
                "as Turkish steelmakers buy fewer cargoes and insist on longer payment terms."),
          ("p", "The benchmark price for heavy melting scrap delivered to Turkey was $352 a tonne last week, down $18 from the start of the month. "
                "Exporters in the Baltic region said yard prices paid to collectors had fallen by less, squeezing what they earn on each shipment."),
          ("p", "Freight has been the one bright spot. Handysize rates from the Baltic to the Marmara Sea have fallen by about a third since March, "
                "to around $29 a tonne, which has kept some cargoes competitive with American and Benelux material."),
          ("h2", "Longer payment terms"),
          ("p", "Several Turkish mills have asked for letters of credit payable at 90 days rather than at sight, traders said. "
                "Smaller exporters who cannot finance the gap have begun selling to larger trading houses instead of shipping themselves."),
          ("p", "Domestic demand in the Baltic states is weak. The region's only electric arc furnace has been running below half its capacity since the summer, "
                "and construction permits in Latvia fell 14 per cent in the third quarter."),
          ("p", "The European Commission's plan to restrict scrap exports to countries without equivalent environmental standards worries the trade most. "
                "The rules would not take effect before 2027, but buyers are already asking for proof of origin on every cargo."),
          ("p", "Yards are responding by investing in shredders and sorting lines that produce grades European mills will pay more for. "
                "One operator near Klaipeda said it had ordered an induction sensor line to separate copper from shredded steel.")])

ALUMINIUM = ("Aluminium smelter in Norway to restart potline after power deal",
             "The 95,000-tonne line has been idle since the energy crisis of 2022",
             [("p", "A Norwegian aluminium producer will restart a potline at its smelter on the west coast after signing a ten-year power contract "
                    "with a regional hydropower utility, the company said on Tuesday."),
              ("p", "The line, which can make about 95,000 tonnes of primary metal a year, was shut in the autumn of 2022 when spot power prices in southern Norway rose above 400 euros per megawatt-hour."),
              ("p", "The new contract fixes the price for roughly 80 per cent of the line's needs, chief executive Ingrid Halvorsen told reporters at the plant. "
                    "She declined to give the price but said it was competitive with smelters in the Middle East."),
              ("p", "Restarting a potline takes several months. The company expects the first pots to be relit in February and the line to reach full output by the end of the summer."),
              ("h2", "Billet demand"),
              ("p", "Most of the metal will be cast into extrusion billet for customers in Germany and Scandinavia, where premiums for value-added products have held up better than for standard ingot."),
              ("p", "The restart will bring back about 180 jobs. The municipality had lobbied for the deal, and the utility is partly owned by local councils."),
              ("p", "Europe's primary aluminium output fell by about a million tonnes during the energy crisis, and less than a third of that has come back. "
                    "Analysts say high carbon costs and uncertain power prices are holding back further restarts.")])

STEEL = ("Steel service centres report longest order books since 2021",
         None,
         [("p", "Steel service centres in the American Midwest are reporting their longest order books in more than three years, "
                "as manufacturers rebuild inventories ahead of expected tariff changes and price increases from domestic mills."),
          ("p", "Lead times for hot-rolled coil from the largest mills have stretched to eight weeks, from four at the start of the year, "
                "according to a survey of distributors published on Monday by a trade association."),
          ("p", "Shipments from service centres rose 6.2 per cent in the latest month compared with a year earlier, and inventories fell to 2.1 months of supply, the lowest since the autumn of 2021."),
          ("p", "Distributors said buying had come mainly from makers of agricultural equipment, trailers and electrical enclosures. "
                "Automotive demand was flat, and construction orders weakened in the southern states after a wet spring."),
          ("p", "Mills have announced three price increases since March, lifting the benchmark hot-rolled price to about $960 a short ton. "
                "Some buyers expect a pause in the summer, when several mills return from maintenance outages."),
          ("p", "Imports remain low. Finished steel imports fell 11 per cent in the first four months of the year, and several foreign mills have stopped quoting to US buyers until the tariff picture is clear."),
          ("p", "A distributor in Ohio said his company had added a second shift at its slitting line for the first time since the pandemic. "
                "He said he was more worried about finding workers than about finding orders.")])

TIN = ("The tin market is tighter than the price says",
       "Notes from a week of calls with smelters, traders and one very tired geologist",
       [("p", "Hello from a rainy Tuesday. This week's letter is about tin, which has had a strange few months: the price is up, "
              "but nobody I spoke to thinks it has caught up with what is happening to supply."),
        ("p", "Let's start with the obvious. The mines of Wa State in Myanmar, which used to send a tenth of the world's tin concentrate to Yunnan, "
              "have been mostly shut for a year and a half. Some ore is still moving from stockpiles, but the flow has fallen to a trickle."),
        ("h2", "What the smelters told me"),
        ("p", "Three Chinese smelters told me they are running at around 60 per cent of capacity. Their concentrate stocks cover a month, maybe less. "
              "One manager said he has never seen treatment charges this low for tin."),
        ("p", "Indonesia is not filling the gap. Export licences were delayed again in the spring, and the state miner has been cleaning up after a corruption case that took out half the private smelters on Bangka."),
        ("li", "Myanmar: most mines shut since the suspension, restart talks have stalled twice."),
        ("li", "Indonesia: export quotas issued late, production down about a fifth."),
        ("li", "Bolivia and Peru: steady, but no new capacity before 2027."),
        ("h2", "So why isn't the price higher?"),
        ("p", "Demand is soft. Solder for electronics, which is about half of tin use, has been flat for two years, and the chip boom is mostly in parts that use very little of it."),
        ("p", "My guess, and it is only a guess, is that the market will notice the supply problem the moment exchange stocks fall below a couple of thousand tonnes. "
              "That could happen before the end of the year."),
        ("p", "That's it for this week. As always, reply to this email if you think I've got something wrong. I read every message.")])

ZINC = ("Zinc: five charts on a market running out of concentrate",
        None,
        [("p", "Welcome back. This issue is mostly charts, because zinc is a story you can see better than read: "
               "treatment charges, mine output, smelter margins, exchange stocks and Chinese imports all point the same way."),
         ("h2", "1. Treatment charges at a record low"),
         ("p", "The annual benchmark treatment charge settled at $165 a tonne, the lowest ever, and spot charges for Chinese smelters have fallen below zero on some cargoes. "
               "Smelters are in effect paying miners to take their concentrate."),
         ("h2", "2. Mines behind schedule"),
         ("p", "New mines in Peru, Australia and Russia were expected to add 400,000 tonnes this year. So far they have added less than half of that, because of permits, floods and one tailings dam inspection."),
         ("h2", "3. Smelter margins"),
         ("p", "Without by-product credits from sulphuric acid, silver and germanium, most smelters outside China would be losing money. Two European plants have already cut output."),
         ("h2", "4. Exchange stocks"),
         ("p", "Stocks on the London and Shanghai exchanges together are down by a third since January, to about 230,000 tonnes."),
         ("h2", "5. China's imports"),
         ("p", "China imported 2.9 million tonnes of concentrate in the first seven months, up 12 per cent, even though domestic smelters are running below capacity. "
               "They are stocking up while they still can."),
         ("p", "Put together, the charts say the refined market is still in surplus but will not stay there if mines keep slipping. See you next week.")])

BATTERY = ("Voltbridge Recycling to Build $180 Million Battery Materials Plant in Kentucky",
           "Facility will process 40,000 tonnes of end-of-life batteries and scrap a year and create 220 jobs",
           [("p", "LOUISVILLE, Ky., March 4, 2025 /PRNewswire/ -- Voltbridge Recycling, Inc., a producer of battery-grade metals from recycled lithium-ion batteries, "
                  "today announced plans to build a $180 million materials recovery plant in Hardin County, Kentucky."),
            ("p", "The plant will take in up to 40,000 tonnes a year of end-of-life batteries and manufacturing scrap and recover lithium, nickel, cobalt and copper "
                  "for sale to cathode makers in North America. Construction is expected to begin in the third quarter of 2025, with first production in 2027."),
            ("p", "\"Kentucky is where the battery supply chain is being built, and our customers want recycled metal made close to their plants,\" said Daniel Okafor, Chief Executive Officer of Voltbridge. "
                  "\"This plant doubles our capacity and shortens the distance our material travels by more than a thousand miles.\""),
            ("p", "The project will create about 220 full-time jobs. The Kentucky Economic Development Finance Authority has preliminarily approved tax incentives of up to $9 million over fifteen years."),
            ("p", "Highlights of the project:"),
            ("li", "Hydrometallurgical process that recovers more than 95 per cent of the lithium, nickel and cobalt in black mass"),
            ("li", "Closed-loop water system and on-site solar covering a fifth of the plant's electricity"),
            ("li", "Rail siding connecting the plant to two Class I railroads"),
            ("p", "Voltbridge operates two facilities in Ohio and Ontario and has supply agreements with three automakers and two cell manufacturers."),
            ("p", "\"Recycling is the only domestic source of nickel and cobalt we can scale this decade,\" said Maria Lindgren, Vice President of Operations. "
                  "\"Every tonne we recover is a tonne that does not have to be mined and shipped across an ocean.\"")])

SMELTER = ("Northgate Metals Reports Record Zinc Recovery at Hudson Smelter; Completes Roaster Upgrade",
           None,
           [("p", "TORONTO--(BUSINESS WIRE)--Northgate Metals Corp. (TSX: NGM) today reported record quarterly zinc recovery of 97.4% at its Hudson smelter "
                  "and announced the completion of a two-year upgrade of the plant's fluid-bed roaster, on time and 6% under budget."),
            ("p", "Third-quarter highlights:"),
            ("li", "Refined zinc production of 71,200 tonnes, up 9% year over year"),
            ("li", "Sulphuric acid sales of 118,000 tonnes at an average realized price 14% higher than a year ago"),
            ("li", "Lost-time injury frequency of 0.21 per 200,000 hours worked, the best in the plant's history"),
            ("p", "\"The new roaster is already paying for itself,\" said Paul Desrosiers, President and CEO. \"Higher recoveries and lower energy use per tonne "
                  "mean Hudson can stay profitable even at today's treatment charges, which are the lowest this industry has ever seen.\""),
            ("p", "The upgrade replaced the roaster's windbox and cyclones and added a waste-heat boiler that supplies about 30% of the smelter's steam. "
                  "Natural gas use fell by 18% in the quarter."),
            ("row", "Quarter | Refined zinc (t) | Zinc recovery | Acid sales (t)"),
            ("row", "Q3 2025 | 71,200 | 97.4% | 118,000"),
            ("row", "Q2 2025 | 68,900 | 96.8% | 109,500"),
            ("row", "Q3 2024 | 65,300 | 96.1% | 102,000"),
            ("p", "Northgate will host a site tour for analysts on November 12. Full quarterly results will be released on October 30 after markets close.")])

IRQ3 = ("Harbor Alloys Announces Third Quarter 2025 Results",
        None,
        [("p", "HOUSTON, Oct. 28, 2025 -- Harbor Alloys, Inc. (NYSE: HBA) today reported results for the third quarter ended September 30, 2025."),
         ("p", "Net sales were $412.6 million, an increase of 7% compared with $385.1 million in the third quarter of 2024, driven by higher shipments of nickel alloy plate to aerospace customers."),
         ("p", "Net income was $31.8 million, or $1.12 per diluted share, compared with $24.0 million, or $0.84 per diluted share, a year earlier. "
               "Adjusted EBITDA was $58.3 million, up 19%."),
         ("p", "\"Aerospace demand stayed strong through the quarter and our new vacuum melt furnace reached full output in August,\" said Chief Executive Officer Rachel Moreno. "
               "\"We are raising our full-year guidance for shipments and expect record backlog at year end.\""),
         ("p", "Backlog at September 30 was $1.21 billion, up 11% from the end of the second quarter. Cash from operations was $44.7 million, and the company repaid $20 million of its term loan."),
         ("row", "(in millions, except per share) | Q3 2025 | Q3 2024 | Change"),
         ("row", "Net sales | $412.6 | $385.1 | 7%"),
         ("row", "Net income | $31.8 | $24.0 | 33%"),
         ("row", "Diluted EPS | $1.12 | $0.84 | 33%"),
         ("row", "Adjusted EBITDA | $58.3 | $49.0 | 19%"),
         ("p", "For the full year, the company now expects shipments of 118,000 to 121,000 tons, compared with its earlier guidance of 112,000 to 118,000 tons, "
               "and capital spending of about $65 million."),
         ("p", "Harbor Alloys will hold a conference call today at 10:00 a.m. Central Time to discuss the results.")])

NICKEL = ("Indonesia trims nickel ore quota for second time this year",
          "Smelters may have to import ore from the Philippines to keep running",
          [("p", "Indonesia has cut the amount of nickel ore miners are allowed to dig this year for the second time, the energy and mineral resources ministry said on Wednesday, "
                 "a move that could force smelters to buy more ore from the Philippines."),
           ("p", "The ministry approved mining plans totalling 220 million wet tonnes for 2025, down from 240 million tonnes in its first approval in January. "
                 "Officials said some companies had failed to meet environmental and reclamation requirements."),
           ("p", "Indonesia's smelters, most of them built with Chinese investment in the past decade, need about 250 million tonnes of ore a year to run at capacity."),
           ("p", "Ore prices in the domestic market rose by about 8 per cent after the announcement. Philippine ore for delivery to Indonesia was quoted at $48 a wet tonne, up from $41 in March."),
           ("p", "The government has said it wants to slow the growth of nickel output to support prices, which have fallen by almost half since the start of 2023 as Indonesian supply flooded the market."),
           ("p", "Analysts said the cut would tighten the market for nickel pig iron first. Several smelters in Sulawesi have already reduced output because of ore shortages."),
           ("p", "Stainless steel makers in China, the biggest buyers of Indonesian nickel pig iron, have so far seen little impact, as their own demand has been weak.")])

YARD = ("City council approves expansion of Eastside metal recycling yard",
        None,
        [("p", "The city council on Monday approved a permit for Eastside Metal Recovery to expand its yard on Industrial Road by four acres, "
               "ending a dispute with residents that had lasted more than a year."),
         ("p", "The company will build a noise wall along the eastern boundary, move its shredder 300 feet further from the nearest homes and stop accepting trucks after 7 p.m. on weekdays."),
         ("p", "Neighbours had complained about dust, noise and traffic since the yard began taking car bodies in 2023. "
               "Dozens of them attended the hearing, and several spoke against the permit."),
         ("p", "\"We do not object to recycling. We object to a shredder next to a playground,\" said Linda Marsh, who has lived on Cedar Street for twenty years."),
         ("p", "The yard's owner, Tom Brennan, said the expansion would let the company keep more material indoors and reduce the number of trucks waiting on the street. "
               "He said the business employs 48 people and pays about $300,000 a year in local taxes."),
         ("p", "The permit passed by five votes to two. It requires the company to monitor dust at four points on the site boundary and publish the results every month."),
         ("p", "Construction of the noise wall is expected to start in the spring.")])

ASSOC = ("Monthly market report: non-ferrous scrap prices, October",
         None,
         [("p", "Prices for most grades of non-ferrous scrap rose in October, led by copper, as exchange prices recovered from their September lows and export demand from Southeast Asia picked up."),
          ("p", "Members reported steady arisings of old scrap but fewer new production offcuts, as several fabricators ran short weeks during the month."),
          ("row", "Grade | September (£/t) | October (£/t) | Change"),
          ("row", "Dry bright wire | 7,150 | 7,420 | +270"),
          ("row", "No. 2 copper | 6,640 | 6,880 | +240"),
          ("row", "Brass (honey) | 4,310 | 4,400 | +90"),
          ("row", "Old rolled aluminium | 1,260 | 1,290 | +30"),
          ("row", "Lead (batteries) | 780 | 770 | -10"),
          ("p", "Aluminium grades were firm but rose less than copper, as secondary smelters in Europe kept buying at low rates. "
                "Members said cast wheels and extrusions were easier to sell than mixed turnings."),
          ("p", "Lead battery prices eased slightly because a large secondary smelter in the Midlands had a two-week maintenance shutdown."),
          ("p", "The association's members handled about 182,000 tonnes of non-ferrous scrap in the third quarter, 3 per cent more than a year earlier."),
          ("p", "The next report will be published in the first week of December.")])

NOTICE = ("Notice to members: changes to the scrap specification for stainless steel turnings",
          None,
          [("p", "Following consultation with members and consuming mills, the technical committee has agreed changes to the association's specification for stainless steel turnings. "
                 "The changes take effect on 1 January 2026."),
           ("p", "The main changes are:"),
           ("li", "The maximum oil and moisture content is reduced from 3 per cent to 2 per cent by weight."),
           ("li", "Turnings must be free of free-cutting grades containing more than 0.15 per cent sulphur."),
           ("li", "Each delivery must be accompanied by an analysis certificate covering nickel, chromium and molybdenum."),
           ("p", "Members who have existing contracts that refer to the old specification may continue to deliver against it until the contracts expire, but not after 30 June 2026."),
           ("p", "The full specification is available to members in the documents section of the website. "
                 "Questions about the changes should be sent to the technical secretary."),
           ("p", "The committee thanks the members and mills who took part in the consultation. It received 41 responses, more than for any earlier specification review.")])
