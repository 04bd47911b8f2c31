import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('pipelines')
@Controller('pipelines')
export class PipelinesController {}
