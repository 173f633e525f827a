"""Place names and nationality words, so that "Canada", "Texas" and "Israeli" are not people.

A small gazetteer: the world's countries, the states and provinces of the countries whose
press writes in English, large cities, and the adjectives of nationality. It only has to
tell a place from a person in a run of capitalised words; it is not a geography.
"""

from __future__ import annotations


def _names(block: str) -> frozenset[str]:
    return frozenset(line.strip().casefold() for line in block.strip().splitlines() if line.strip())


COUNTRIES = _names("""
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia
Bosnia and Herzegovina
Botswana
Brazil
Britain
Great Britain
Brunei
Bulgaria
Burkina Faso
Burma
Burundi
Cambodia
Cameroon
Canada
Cape Verde
Central African Republic
Chad
Chile
China
Colombia
Comoros
Congo
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic
Czechia
Denmark
Djibouti
Dominica
Dominican Republic
East Timor
Ecuador
Egypt
El Salvador
England
Equatorial Guinea
Eritrea
Estonia
Eswatini
Ethiopia
Europe
Fiji
Finland
France
Gabon
Gambia
Gaza
Georgia
Germany
Ghana
Greece
Greenland
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hong Kong
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Northern Ireland
Israel
Italy
Ivory Coast
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kiribati
Korea
North Korea
South Korea
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Macau
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Mauritania
Mauritius
Mexico
Micronesia
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Namibia
Nauru
Nepal
Netherlands
Holland
New Zealand
Aotearoa
Nicaragua
Niger
Nigeria
North Macedonia
Macedonia
Norway
Oman
Pakistan
Palau
Palestine
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Poland
Portugal
Puerto Rico
Qatar
Romania
Russia
Rwanda
Saint Lucia
Samoa
San Marino
Saudi Arabia
Scotland
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Sudan
Spain
Sri Lanka
Sudan
Suriname
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Tibet
Togo
Tonga
Trinidad and Tobago
Tunisia
Turkey
Turkmenistan
Tuvalu
Uganda
Ukraine
United Arab Emirates
UAE
United Kingdom
UK
U.K.
United States
United States of America
US
U.S.
USA
Uruguay
Uzbekistan
Vanuatu
Vatican
Venezuela
Vietnam
Wales
West Bank
Yemen
Zambia
Zimbabwe
Africa
Asia
America
North America
South America
Latin America
Antarctica
Arctic
Oceania
Middle East
Caribbean
Scandinavia
Balkans
""")

REGIONS = _names("""
Alabama
Alaska
Arizona
Arkansas
California
Colorado
Connecticut
Delaware
Florida
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
New York
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Texas
Utah
Vermont
Virginia
West Virginia
Wisconsin
Wyoming
Alberta
British Columbia
Manitoba
New Brunswick
Newfoundland
Labrador
Nova Scotia
Ontario
Prince Edward Island
Quebec
Québec
Saskatchewan
Yukon
Nunavut
Northwest Territories
New South Wales
Queensland
Victoria
Tasmania
South Australia
Western Australia
Northern Territory
Northland
Auckland
Bavaria
Catalonia
Lombardy
Sicily
Kashmir
Punjab
Bengal
Kerala
Tamil Nadu
Gujarat
Crimea
Donbas
Siberia
Chechnya
Kurdistan
Darfur
Sahara
Sinai
Silicon Valley
Midwest
""")

CITIES = _names("""
Amsterdam
Ankara
Athens
Atlanta
Austin
Baghdad
Baltimore
Bangkok
Barcelona
Beijing
Beirut
Berlin
Bogota
Bogotá
Boston
Brussels
Budapest
Buenos Aires
Cairo
Calgary
Cape Town
Caracas
Chicago
Copenhagen
Dallas
Damascus
Delhi
New Delhi
Denver
Detroit
Dhaka
Dubai
Dublin
Edinburgh
Edmonton
Frankfurt
Geneva
Glasgow
Halifax
Hamburg
Havana
Helsinki
Hiroshima
Ho Chi Minh City
Honolulu
Houston
Islamabad
Istanbul
Jakarta
Jerusalem
Johannesburg
Kabul
Karachi
Kathmandu
Khartoum
Kyiv
Kiev
Kinshasa
Kolkata
Kuala Lumpur
Lagos
Lahore
Las Vegas
Lima
Lisbon
London
Los Angeles
Madrid
Manchester
Manila
Melbourne
Mexico City
Miami
Milan
Minneapolis
Montreal
Montréal
Moscow
Mumbai
Munich
Nairobi
Naples
New Orleans
Oslo
Ottawa
Paris
Perth
Philadelphia
Phoenix
Pittsburgh
Portland
Prague
Pyongyang
Rio de Janeiro
Riyadh
Rome
San Diego
San Francisco
Santiago
Sao Paulo
São Paulo
Seattle
Seoul
Shanghai
Singapore
St. Louis
Stockholm
Sydney
Taipei
Tehran
Tel Aviv
Tokyo
Toronto
Tripoli
Tunis
Vancouver
Venice
Vienna
Warsaw
Washington
Wellington
Winnipeg
Zurich
""")

DEMONYMS = _names("""
Afghan
Albanian
Algerian
American
Arab
Argentine
Argentinian
Armenian
Asian
Australian
Austrian
Azerbaijani
Bangladeshi
Belarusian
Belgian
Bolivian
Bosnian
Brazilian
British
Bulgarian
Burmese
Cambodian
Cameroonian
Canadian
Chilean
Chinese
Colombian
Congolese
Croatian
Cuban
Cypriot
Czech
Danish
Dutch
Ecuadorian
Egyptian
Emirati
English
Eritrean
Estonian
Ethiopian
European
Filipino
Finnish
French
Georgian
German
Ghanaian
Greek
Guatemalan
Haitian
Honduran
Hungarian
Icelandic
Indian
Indonesian
Iranian
Iraqi
Irish
Israeli
Italian
Ivorian
Jamaican
Japanese
Jordanian
Kazakh
Kenyan
Korean
Kosovar
Kurdish
Kuwaiti
Lao
Latvian
Lebanese
Liberian
Libyan
Lithuanian
Malaysian
Malian
Maltese
Mexican
Moldovan
Mongolian
Moroccan
Nepalese
Nepali
Nicaraguan
Nigerian
Nigerien
Norwegian
Pakistani
Palestinian
Panamanian
Paraguayan
Persian
Peruvian
Polish
Portuguese
Qatari
Romanian
Russian
Rwandan
Salvadoran
Saudi
Scottish
Senegalese
Serbian
Singaporean
Slovak
Slovenian
Somali
Spanish
Sri Lankan
Sudanese
Swedish
Swiss
Syrian
Taiwanese
Tajik
Tanzanian
Thai
Tibetan
Tunisian
Turkish
Turkmen
Ugandan
Ukrainian
Uruguayan
Uzbek
Venezuelan
Vietnamese
Welsh
Yemeni
Zambian
Zimbabwean
African
Latin
Latino
Latina
Hispanic
Asian-American
African-American
Middle Eastern
Western
Eastern
Northern
Southern
Indigenous
Aboriginal
Māori
Maori
Inuit
Jewish
Muslim
Christian
Catholic
Protestant
Sunni
Shia
Shiite
Hindu
Buddhist
Sikh
Islamic
Republican
Democratic
Democrat
Conservative
Liberal
Labour
Socialist
Communist
""")

PLACES = COUNTRIES | REGIONS | CITIES


def is_place(name: str) -> bool:
    """Whether the words are a country, region or city ("New Zealand", "Texas")."""
    return name.casefold() in PLACES


def is_demonym(word: str) -> bool:
    """Whether a word is an adjective of nationality, faith or party ("Israeli", "Catholic")."""
    return word.casefold() in DEMONYMS
