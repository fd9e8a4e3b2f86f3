package org.convene.workflow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The engine keeps String variables in a 4000-character column, but a concept note's
 * background or a draft report is longer, and Tasklist submits a textarea as a plain String.
 * Longer strings are stored as bytes instead; they stay String variables to every caller.
 * (Their byte arrays get no removal time from the history cleanup: a known, small leak.)
 */
@Component
class LongTextVariables extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreVariableSerializers() == null) {
            configuration.setCustomPreVariableSerializers(new ArrayList<TypedValueSerializer>());
        }
        configuration.getCustomPreVariableSerializers().add(new LongTextSerializer());
        // Tasklist's submit-form also writes each submitted value to the history as a form
        // property, in the same 4000-character column: keep that copy, shortened. The full
        // text is in the variable history and in the modules' own tables.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new ShortFormPropertyHistory());
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static class ShortFormPropertyHistory extends DbHistoryEventHandler {

        static final int KEEP = 3990;

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricFormPropertyEventEntity property
                    && property.getPropertyValue() instanceof String value && value.length() > LongTextSerializer.TEXT_COLUMN_LENGTH) {
                property.setPropertyValue(value.substring(0, KEEP) + " [...]");
            }
            super.handleEvent(event);
        }
    }

    static class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

        static final int TEXT_COLUMN_LENGTH = 4000;

        LongTextSerializer() {
            super(ValueType.STRING);
        }

        @Override
        public String getName() {
            return "longtext";
        }

        @Override
        protected boolean canWriteValue(TypedValue value) {
            return super.canWriteValue(value) && value.getValue() instanceof String text
                    && text.length() > TEXT_COLUMN_LENGTH;
        }

        @Override
        public StringValue convertToTypedValue(UntypedValueImpl untyped) {
            return Variables.stringValue((String) untyped.getValue(), untyped.isTransient());
        }

        @Override
        public void writeValue(StringValue value, ValueFields fields) {
            fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public StringValue readValue(ValueFields fields, boolean asTransientValue) {
            byte[] bytes = fields.getByteArrayValue();
            return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
        }
    }
}
