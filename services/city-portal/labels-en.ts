/**
 * English labels of the St. Petersburg city portal's classifier, keyed by the Russian label as the
 * data set spells it (brief translations). `scripts/make-city-portal-classifier.ts` reads this
 * table; a label missing here makes the script list it and keep the Russian text.
 */
export const englishLabels: Readonly<Record<string, string>> = {
  // Categories
  Благоустройство: 'Public spaces and landscaping',
  Водоотведение: 'Sewerage',
  Водоснабжение: 'Water supply',
  Кровля: 'Roof',
  'Нарушение порядка пользования общим имуществом': 'Breach of the order of use of common property',
  'Нарушение правил пользования общим имуществом': 'Breach of the rules of use of common property',
  'Незаконная информационная и (или) рекламная конструкция': 'Illegal sign or advertising structure',
  'Незаконная реализация товаров с торгового оборудования (прилавок, ящик, с земли)':
    'Illegal street trading',
  'Повреждения или неисправность элементов уличной инфраструктуры': 'Damaged street infrastructure',
  Подвалы: 'Basements',
  'Санитарное состояние': 'Sanitary condition',
  'Содержание МКД': 'Apartment building maintenance',
  'Состояние рекламных или информационных конструкций': 'State of advertising or information structures',
  Фасад: 'Facade',
  'Центральное отопление': 'Central heating',

  // Благоустройство
  'Деревья и кустарники имеют неухоженный вид': 'Neglected trees and shrubs',
  'Конструкции, препятствующие парковке': 'Structures preventing parking',
  'Конструкция, препятствующая парковке': 'A structure preventing parking',
  'Лужи на проезжей части, тротуаре': 'Puddles on the road or pavement',
  'Лужи на твердом покрытии': 'Puddles on a paved surface',
  'Мусор  на проезжей части, тротуаре,  благоустроенных спусках к воде, подземных и надземных пешеходных переходах':
    'Litter on roads, pavements, embankment steps and pedestrian crossings',
  'Мусор в непосредственной близости от здания станции метрополитена': 'Litter next to a metro station',
  'Мусор на внутридворовой территории': 'Litter in a courtyard',
  'Мусор на газонах (железобетонные изделия)': 'Litter on lawns (concrete debris)',
  'Мусор на газонах (крупногабаритные объекты)': 'Litter on lawns (bulky objects)',
  'Мусор на газонах вдоль проезжей части': 'Litter on roadside lawns',
  'Мусор на детской площадке': 'Litter on a playground',
  'Мусор на спортивных площадках': 'Litter on a sports ground',
  'Нарушение благоустройства после производства земляных работ':
    'Surface not restored after excavation works',
  'Не оборудована контейнерная площадка': 'Waste container site not equipped',
  'Не обустроена территория детской площадки': 'Playground area not fitted out',
  'Не обустроена территория спортивной площадки': 'Sports ground area not fitted out',
  'Неисправно освещение на фасаде нежилого здания': 'Broken lighting on a non-residential facade',
  'Неисправно освещение, опора освещения повреждена': 'Street lighting out or lamp post damaged',
  'Ненадлежащее (неисправное) состояние уличной мебели и оборудования в садах, парках, скверах (в том числе на территориях детских и спортивных площадок, зон отдыха)':
    'Broken street furniture in parks, gardens and squares',
  'Ненадлежащее состояние дорожных и газонных ограждений': 'Poor state of road and lawn fences',
  'Ненадлежащее состояние малых архитектурных форм, уличной мебели и хозяйственно-бытового оборудования, необходимого для благоустройства территории':
    'Poor state of small architectural forms and street furniture',
  'Ненадлежащее состояние ограждений газонов': 'Poor state of lawn fences',
  'Необходима прочистка ливневой канализации': 'Storm drain needs cleaning',
  'Неочищенные урны': 'Litter bins not emptied',
  'Несанкционированные надписи / объявления на дорожных ограждениях и остановочных павильонах, не оборудованных рекламной конструкцией':
    'Graffiti or posters on road fences and bus shelters',
  'Несанкционированные надписи / объявления на сооружениях (в т.ч. заборах, гаражах, торговых павильонах)':
    'Graffiti or posters on structures (fences, garages, kiosks)',
  'Несанкционированные надписи / объявления на стенах дома': 'Graffiti or posters on building walls',
  'Несанкционированные надписи / объявления на технических средствах организации дорожного движения (светофоры, дорожные знаки)':
    'Graffiti or posters on traffic lights and road signs',
  'Несанкционированные надписи /объявления в подземном переходе': 'Graffiti or posters in an underpass',
  'Несанкционированные надписи /объявления на опорах освещения': 'Graffiti or posters on lamp posts',
  'Несанкционированные надписи /объявления на остановочных павильонах, совмещенных с рекламными конструкциями':
    'Graffiti or posters on bus shelters with advertising',
  'Неубранный снег': 'Snow not cleared',
  'Неубранный снег на автомобильных дорогах и прилегающих к ним тротуарах, спусках к воде, подземных и надземных пешеходных переходах':
    'Snow not cleared on roads, pavements and pedestrian crossings',
  'Неубранный снег на пешеходных дорожках в парках, садах, бульварах и скверах':
    'Snow not cleared on park paths',
  'Неубранный снег, требуется обработка территории пескосоляной смесью': 'Snow not cleared, grit needed',
  'Неудовлетворительное содержание временного ограждения строительной площадки, отсутствие строительного забора':
    'Poor or missing construction site fence',
  'Неудовлетворительное состояние асфальтового покрытия на придомовой и дворовой территориях':
    'Poor asphalt in a courtyard',
  'Отсутствие зон отдыха': 'No recreation areas',
  'Повреждения дорожного покрытия': 'Damaged road surface',
  'Повреждения дорожного покрытия  проезжей части': 'Damaged carriageway surface',
  'Повреждения дорожного покрытия тротуара': 'Damaged pavement surface',
  'Повреждения дорожных знаков': 'Damaged road signs',
  'Повреждения или неисправность светофоров': 'Damaged or faulty traffic lights',
  'Повреждения информационных знаков остановочных пунктов наземного городского пассажирского транспорта':
    'Damaged public transport stop signs',
  'Предложение по занижению бордюрного камня на пути следования маломобильных групп населения':
    'Proposal to lower a kerb on an accessible route',
  'Предложение по занижению бордюрного камня при пересечении тротуара с проезжей частью':
    'Proposal to lower a kerb at a crossing',
  'Предложение по организации дополнительных парковочных мест': 'Proposal for more parking spaces',
  'Предложение по установке ограждений газонов': 'Proposal to install lawn fences',
  'Предложение по установке урны у остановочного павильона': 'Proposal to install a bin at a bus shelter',
  'Предложения по установке искусственных неровностей на проездах и въездах':
    'Proposal to install speed bumps',
  'Предложения по установке малых архитектурных форм, уличной мебели и хозяйственно-бытового оборудования, необходимого для благоустройства территории':
    'Proposal to install street furniture',
  'Провисающие, оборванные провода на зданиях': 'Sagging or broken wires on buildings',
  'Провисающие, оборванные провода на опорах освещения': 'Sagging or broken wires on lamp posts',
  'Разукомплектованное транспортное средство': 'Abandoned vehicle',
  'Скопление мусора': 'Accumulated litter',
  'Скопление мусора в садах, парках, скверах': 'Litter in parks and gardens',
  'Скопление мусора на территориях кладбищ': 'Litter in cemeteries',
  'Угроза падения дерева': 'Tree may fall',
  'Угроза падения дерева или его части': 'Tree or branch may fall',
  'Угроза падения дерева на проезжую часть, тротуар': 'Tree may fall on a road or pavement',
  'Упавшее дерево': 'Fallen tree',
  'Утрата жизнеспособности, декоративной ценности зеленых насаждений, неухоженный вид деревьев и кустарников':
    'Dying or neglected greenery',
  'Утратившие жизнеспособность деревья и кустарники, угроза падения деревьев':
    'Dead trees and shrubs, risk of falling',

  // Водоотведение
  'Засор канализации/протечка канализационной трубы': 'Blocked or leaking sewer pipe',
  'Неисправность канализации': 'Sewerage fault',

  // Водоснабжение
  'Ненадлежащее содержание трубопроводов и элементов системы водоснабжения': 'Poorly maintained water pipes',
  'Ненадлежащее содержание трубопроводов и элементов системы водоснабжения, являющихся общедомовым имуществом':
    'Poorly maintained water pipes of the building',
  'Несанкционированный водозабор холодной, горячей воды из общедомовых сетей':
    'Unauthorised water draw from building pipes',
  'Отсутствие горячей воды': 'No hot water',
  'Отсутствие холодной воды': 'No cold water',
  'Плохое качество горячей воды': 'Poor hot water quality',
  'Плохое качество холодной воды': 'Poor cold water quality',
  'Протечка труб в подвале, на чердаке, на лестничной площадке':
    'Leaking pipes in the basement, attic or stairwell',
  'Слабый напор горячей воды': 'Low hot water pressure',
  'Слабый напор холодной воды': 'Low cold water pressure',

  // Кровля
  'Наличие наледи на крыше': 'Ice on the roof',
  'Повреждение водосточной трубы': 'Damaged drainpipe',
  'Повреждение кровли': 'Damaged roof',
  'Повреждение/засор внутреннего ливнестока': 'Damaged or blocked internal roof drain',

  // Нарушение порядка / правил пользования общим имуществом
  'Передача общего имущества собственников помещений  в пользование иным лицам':
    'Common property handed over to third parties',
  'Незаконное использование чердаков и подвалов': 'Illegal use of attics and basements',
  'Незаконное проживание иностранных граждан в местах общего пользования многоквартирного дома (подвалы, чердаки)':
    'People illegally living in common areas (basements, attics)',
  'Самовольное переустройство и (или) перепланировка помещения': 'Unauthorised alteration of premises',
  'Самовольное размещение наружн. блоков систем кондициониров. и вентиляции, вентиляционных трубопроводов, вентил. решеток, декоративных решеток, роллет, жалюзи, антенн, светильников, камер видеонабл., маркиз, флагодерж., громкоговор. на фасаде и кровле МКД':
    'Unauthorised equipment on the facade or roof (air conditioners, antennas, cameras…)',

  // Реклама и торговля
  'Незаконное размещение информационной и (или) рекламной конструкции на территории Санкт-Петербурга':
    'Illegal sign or advertising structure',
  'Реализация товаров в местах, не предназначенных для торговли': 'Trading in a place not meant for trade',
  'Механическое повреждение отдельно стоящей рекламной или информационной конструкции либо наличие посторонних надписей/объявлений на них':
    'Damaged or defaced free-standing sign',
  'Механическое повреждение рекламной или информационной конструкции, установленной на фасаде здания (сооружения)':
    'Damaged sign on a facade',

  // Уличная инфраструктура
  'Неудовлетворительное состояние колодца, люка': 'Poor state of a manhole',
  'Открыт колодец, люк': 'Open manhole',

  // Подвалы
  'Неисправен козырек над входом в подвал': 'Broken canopy over a basement entrance',
  'Открыты/закрыты подвальные окна, продухи, вход в подвал':
    'Basement windows, vents or entrance open/closed',

  // Санитарное состояние
  'Засор мусоропровода': 'Blocked rubbish chute',
  'Требуется дезинсекция (насекомые), дезинфекция в местах общего пользования (в т.ч. мусоропровода)':
    'Insect control or disinfection needed in common areas',
  'Требуется дератизация (крысы) в местах общего пользования': 'Rat control needed in common areas',

  // Содержание МКД
  'Неисправна подъемная платформа для инвалидов': 'Broken wheelchair lift',
  'Неисправное освещение в лифте': 'Broken lighting in the lift',
  'Неисправное освещение в подъезде / на фасаде жилого здания':
    'Broken lighting in the entrance or on the facade',
  'Неисправный (ая) пандус / аппарель': 'Broken ramp',
  'Неисправный доводчик входной двери': 'Broken door closer',
  'Неисправный домофон': 'Broken intercom',
  'Неисправный лифт': 'Broken lift',
  'Неудовлетворительное санитарное и техническое состояние контейнерной площадки':
    'Poor state of a waste container site',
  'Неудовлетворительное состояние парадной': 'Poor state of the entrance hall',
  'Отсутствие или неисправность замка мусоросборной камеры': 'Missing or broken lock of the refuse room',
  'Отсутствие или несоблюдение графика уборки подъезда': 'Entrance not cleaned on schedule',
  'Отсутствие/неисправность крышки загрузочного люка мусоропровода': 'Missing or broken rubbish chute hatch',
  'Предложения по установке пандусов, подъемных платформ и инвентарных пандусов для инвалидов':
    'Proposal to install ramps or wheelchair lifts',
  'Разбиты стекла на лестничной площадке': 'Broken windows in the stairwell',
  'Сломанный мусорный контейнер': 'Broken waste container',
  'Сломаны почтовые шкафы': 'Broken mailboxes',
  'Хранение вещей на лестничной площадке': 'Belongings stored in the stairwell',

  // Фасад
  'Герметизация стыков стеновых панелей': 'Sealing of wall panel joints',
  'Неудовлетворительное состояние архитектурных элементов фасада (архитектурные изыски)':
    'Poor state of facade decoration',
  'Неудовлетворительное состояние окраски фасада дома (кроме несанкционированных надписей / объявлений на стенах дома)':
    'Poor facade paint',
  'Отсутствие адресной вывески с названием улицы и номером дома': 'Missing street name and house number sign',
  'Повреждение участков цоколя, отмостки, приямков, вентиляционных продухов':
    'Damaged plinth, apron, light wells or vents',

  // Центральное отопление
  'Низкая температура в отапливаемом помещении': 'Low temperature in a heated room',
  'Низкая температура на лестничной площадке': 'Low temperature in the stairwell',
  'Отсутствие радиатора на лестничной площадке': 'No radiator in the stairwell',
  'Повреждение запорной арматуры (вентиль, кран), стояка центрального отопления':
    'Damaged heating valve or riser',
  'Повреждение отопительного прибора (радиатора и др.), запорной арматуры (вентиль, кран) протечка трубопровода системы центрального отопления на лестничной площадке / подвале / чердаке':
    'Damaged radiator or leaking heating pipe in common areas',
  'Температура в помещении выше нормы': 'Room temperature above the norm',
};
