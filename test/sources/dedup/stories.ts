/** Short news-style stories written for these tests. */
export const STORY_A = [
  'Agentes de la fiscalía regional rescataron el martes a catorce trabajadores que permanecían retenidos en una finca cafetera de la vereda El Rosal, a unos cuarenta minutos del casco urbano.',
  'Según el informe de la unidad especializada, los hombres habían sido contratados en otra provincia con la promesa de un salario fijo, alojamiento digno y transporte pagado.',
  'Al llegar, el administrador de la finca les retuvo los documentos de identidad y les descontaba de la paga el costo de la comida, las herramientas y el alquiler de unas literas en un galpón sin ventanas.',
  'Tres de los trabajadores contaron a los investigadores que llevaban cinco meses sin recibir dinero y que se les prohibía salir de la propiedad los fines de semana.',
  'La fiscal a cargo del caso explicó que el administrador fue capturado en el lugar y que se investiga si el propietario de la finca conocía las condiciones en que vivían los jornaleros.',
  'El operativo comenzó después de que la madre de uno de los jornaleros denunciara ante la personería municipal que su hijo no respondía llamadas desde hacía varias semanas y que, en el último mensaje, le había pedido dinero para pagar una deuda con el administrador.',
  'Los investigadores siguieron la ruta del bus que había llevado a los trabajadores desde la terminal de la capital y encontraron a los catorce hombres en el galpón, donde había colchones en el suelo, una sola letrina y un tanque de agua sin tapa.',
  'La unidad especializada también halló un cuaderno en el que el administrador anotaba las supuestas deudas de cada trabajador, que en algunos casos superaban el valor de tres meses de jornal.',
  'Organizaciones que acompañan a trabajadores rurales señalaron que este tipo de contratación por intermediarios es frecuente en temporada de cosecha y pidieron más inspecciones laborales en las fincas de la zona.',
  'Los catorce hombres recibieron atención médica y fueron trasladados a un albergue temporal mientras se tramita el regreso a sus lugares de origen.',
].join('\n\n');

/** The same story's main text as a partner outlet republishes it: small edits and its own credit line. */
export const STORY_A_SYNDICATED = [
  'Agentes de la fiscalía regional rescataron este martes a catorce trabajadores que permanecían retenidos en una finca cafetera de la vereda El Rosal, a unos cuarenta minutos del casco urbano.',
  'Según el informe de la unidad especializada, los hombres habían sido contratados en otra provincia con la promesa de un salario fijo, alojamiento digno y transporte pagado.',
  'Al llegar, el administrador de la finca les retuvo los documentos de identidad y les descontaba de la paga el costo de la comida, las herramientas y el alquiler de unas literas en un galpón sin ventanas.',
  'Tres de los trabajadores contaron a los investigadores que llevaban cinco meses sin recibir dinero y que se les prohibía salir de la propiedad los fines de semana.',
  'La fiscal a cargo del caso explicó que el administrador fue capturado en el lugar y que se investiga si el propietario de la finca conocía las condiciones en que vivían los jornaleros.',
  'El operativo comenzó después de que la madre de uno de los jornaleros denunciara ante la personería municipal que su hijo no respondía llamadas desde hacía varias semanas y que, en el último mensaje, le había pedido dinero para pagar una deuda con el administrador.',
  'Los investigadores siguieron la ruta del bus que había llevado a los trabajadores desde la terminal de la capital y encontraron a los catorce hombres en el galpón, donde había colchones en el suelo, una sola letrina y un tanque de agua sin tapa.',
  'La unidad especializada también halló un cuaderno en el que el administrador anotaba las supuestas deudas de cada trabajador, que en algunos casos superaban el valor de tres meses de jornal.',
  'Organizaciones que acompañan a trabajadores rurales señalaron que este tipo de contratación por intermediarios es frecuente en temporada de cosecha y pidieron más inspecciones laborales en las fincas de la zona.',
  'Los catorce hombres recibieron atención médica y fueron trasladados a un albergue temporal mientras se tramita el regreso a sus lugares de origen.',
  'Con información de la agencia regional.',
].join('\n\n');

/** Another story on the same topic, with much of the same vocabulary. */
export const STORY_B = [
  'La policía departamental liberó el jueves a nueve trabajadores que eran obligados a cosechar caña en una hacienda del municipio de San Vicente, cerca de la frontera.',
  'Los investigadores establecieron que los jornaleros fueron reclutados en barrios periféricos de la capital con ofertas de empleo publicadas en redes sociales.',
  'En la hacienda dormían en carpas, trabajaban doce horas diarias y acumulaban deudas por la comida que les vendía el capataz a precios inflados.',
  'Dos personas fueron capturadas y la fiscalía anunció que pedirá medida de aseguramiento por el delito de trata de personas con fines de trabajo forzoso.',
  'Los nueve hombres fueron atendidos por un equipo de salud y la defensoría acompaña su retorno a casa.',
].join('\n\n');
